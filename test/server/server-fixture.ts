import type { FastifyInstance } from "fastify";
import { AuthStore, type Role } from "../../src/server/auth";
import { bearer, buildServer } from "../../src/server/app";
import type { SqlStore } from "../../src/store/sql/sql-store";
import { testStore } from "../support/fixtures-store";
import { openSqliteStore } from "../../src/store/node/sqlite-store";
import type { AppContext } from "../../src/app/context";
import { ServerConnection } from "../../src/taskpane/connection/server-connection";
import { ServerStore } from "../../src/taskpane/connection/server-store";
import { FIXED_NOW } from "../support/fixtures";

export const PASSWORD = "correct horse battery";

/** A running (in-process) server on the test store (SQLite in memory, or PostgreSQL with MSP_TEST_STORE=postgres). */
export interface TestServer {
  app: FastifyInstance;
  store: SqlStore;
  /** Starts at FIXED_NOW (the test clock of test/support/fixtures). */
  clock: { now: string };
  /** The base URL (`http://127.0.0.1:PORT`), as the pane's connection and `--server` take it. */
  url: string;
  /** One HTTP request to the listening server (real sockets: the route, hooks and CORS as a client sees them). */
  inject(req: { method: string; url: string; headers?: Record<string, string>; payload?: unknown }): Promise<Reply>;
  /** Logs in and returns the Authorization header. */
  login(user: string): Promise<{ authorization: string }>;
  /** The pane's context in server mode, logged in as `user`: its use cases go to this server. */
  paneContext(user: string): Promise<AppContext & { store: ServerStore }>;
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
  const clock = { now: FIXED_NOW };
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
    url: base,
    inject,
    async login(user) {
      const r = await inject({ method: "POST", url: "/api/login", payload: { user, password: PASSWORD } });
      if (r.statusCode !== 200) throw new Error(`login ${user}: ${r.statusCode} ${r.body}`);
      return bearer(r.json().token);
    },
    async paneContext(user) {
      return { store: new ServerStore(await ServerConnection.login(base, user, PASSWORD), 0), now: () => FIXED_NOW };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/**
 * The test server of one test file (or describe block): started before its tests, closed after them.
 * Use it inside tests only (it exists once `beforeAll` ran).
 */
export function listeningServer(users?: Record<string, Role>): TestServer {
  let running: TestServer | null = null;
  const current = (): TestServer => {
    if (!running) throw new Error("listeningServer: not started (use it inside a test)");
    return running;
  };
  beforeAll(async () => {
    running = await testServer(users);
  });
  afterAll(async () => {
    await running?.close();
    running = null;
  });
  return {
    get app() {
      return current().app;
    },
    get store() {
      return current().store;
    },
    get clock() {
      return current().clock;
    },
    get url() {
      return current().url;
    },
    inject: (req) => current().inject(req),
    login: (user) => current().login(user),
    paneContext: (user) => current().paneContext(user),
    close: () => current().close(),
  };
}

export function upload(name: string, text: string): { name: string; base64: string } {
  return { name, base64: Buffer.from(text, "utf8").toString("base64") };
}
