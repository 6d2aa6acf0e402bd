import type { FastifyInstance } from "fastify";
import { AuthStore, type Role } from "../../src/server/auth";
import { bearer, buildServer } from "../../src/server/app";
import type { SqlStore } from "../../src/store/sql/sql-store";
import { testStore } from "../support/fixtures-store";
import { openSqliteStore } from "../../src/store/node/sqlite-store";

export const PASSWORD = "correct horse battery";

/** A running (in-process) server on the test store (SQLite in memory, or PostgreSQL with MSP_TEST_STORE=postgres). */
export interface TestServer {
  app: FastifyInstance;
  store: SqlStore;
  clock: { now: string };
  /** One HTTP request to the listening server (real sockets: the route, hooks and CORS as a client sees them). */
  inject(req: { method: string; url: string; headers?: Record<string, string>; payload?: unknown }): Promise<Reply>;
  /** Logs in and returns the Authorization header. */
  login(user: string): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

export interface Reply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): any;
}

export async function testServer(users: Record<string, Role> = { ada: "admin", clara: "clerk", otto: "auditor" }): Promise<TestServer> {
  // The server needs an SQL store; the Dexie test store is the add-in's, so SQLite stands in for it.
  const s = await testStore();
  const store = (s.kind === "dexie" ? await openSqliteStore(":memory:") : s) as SqlStore;
  const clock = { now: "2026-11-23T10:00:00.000Z" };
  const now = () => clock.now;
  const auth = new AuthStore(store, now);
  for (const [name, role] of Object.entries(users)) await auth.addUser(name, role, PASSWORD);
  const app = await buildServer({ store, now, corsOrigins: ["https://addin.example"] });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const inject = async (req: { method: string; url: string; headers?: Record<string, string>; payload?: unknown }): Promise<Reply> => {
    const r = await fetch(base + req.url, {
      method: req.method,
      headers: { ...(req.payload !== undefined ? { "content-type": "application/json" } : {}), ...req.headers },
      ...(req.payload !== undefined ? { body: JSON.stringify(req.payload) } : {}),
    });
    const body = await r.text();
    return { statusCode: r.status, headers: Object.fromEntries(r.headers.entries()), body, json: () => JSON.parse(body) };
  };
  return {
    app,
    store,
    clock,
    inject,
    async login(user) {
      const r = await inject({ method: "POST", url: "/api/login", payload: { user, password: PASSWORD } });
      if (r.statusCode !== 200) throw new Error(`login ${user}: ${r.statusCode} ${r.body}`);
      return bearer(r.json().token);
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export function upload(name: string, text: string): { name: string; base64: string } {
  return { name, base64: Buffer.from(text, "utf8").toString("base64") };
}
