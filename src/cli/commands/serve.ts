import { readFileSync } from "node:fs";
import { openPostgresStore, redact } from "../../store/node/postgres-store";
import { openSqliteStore } from "../../store/node/sqlite-store";
import { AuthStore, passwordProblem, ROLES, type Role } from "../../server/auth";
import { optional, parseArgs, required, UsageError } from "../args";
import type { CliIo, Command } from "../cli-io";

/** The team store: PostgreSQL with `--database` (or MSP_BILLING_DATABASE), else the embedded SQLite file. */
async function openServerStore(database: string | undefined, workspace: string) {
  return database ? openPostgresStore(database) : openSqliteStore(workspace);
}

function storeArgs(args: ReturnType<typeof parseArgs>): { database: string | undefined; workspace: string } {
  return { database: optional(args, "database") ?? process.env.MSP_BILLING_DATABASE, workspace: optional(args, "workspace") ?? "msp-billing.db" };
}

export const serveCommand: Command = {
  name: "serve",
  usage: "serve [--database postgres://… | --workspace FILE] [--port 8787] [--host 127.0.0.1] [--cors-origin https://localhost:3000 …] [--token-hours 8]",
  summary: "run the team server (JSON API, OpenAPI at /openapi.json) on PostgreSQL or the embedded store; Ctrl-C stops it",
  async run(argv, io) {
    const args = parseArgs(argv, ["database", "workspace", "port", "host", "cors-origin", "token-hours"], []);
    const { database, workspace } = storeArgs(args);
    const port = Number(optional(args, "port") ?? 8787);
    const hours = Number(optional(args, "token-hours") ?? 8);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port must be a port number");
    if (!(hours > 0)) throw new UsageError("--token-hours must be positive");
    const host = optional(args, "host") ?? "127.0.0.1";
    const origins = args.options.get("cors-origin") ?? ["https://localhost:3000"];
    const store = await openServerStore(database, workspace);
    // Fastify loads only for `serve`, not for every command.
    const { buildServer } = await import("../../server/app");
    const app = await buildServer({ store, now: io.now, corsOrigins: origins, tokenTtlMs: hours * 3600_000, logger: true });
    const users = await new AuthStore(store, io.now).users();
    if (!users.some((u) => u.role === "admin" && !u.disabled)) io.err(`serve: no admin yet; create one with: msp-billing user add --name NAME --role admin ${database ? "--database URL" : `--workspace ${workspace}`}\n`);
    const address = await app.listen({ port, host });
    io.err(`serve: ${database ? redact(database) : workspace} on ${address} (OpenAPI: ${address}/openapi.json; CORS: ${origins.join(", ")})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await app.close();
    await store.close();
    return 0;
  },
};

/** The password of `user add`: MSP_BILLING_PASSWORD, else the first line of stdin (never an argument, never a default). */
function readPassword(): string {
  const env = process.env.MSP_BILLING_PASSWORD;
  if (env !== undefined) return env;
  return readFileSync(0, "utf8").split(/\r?\n/)[0] ?? "";
}

export const userAddCommand: Command = {
  name: "user add",
  usage: "user add --name NAME --role admin|clerk|auditor [--database postgres://… | --workspace FILE]   (password: MSP_BILLING_PASSWORD or the first line of stdin)",
  summary: "create a team-server user (the first admin, too); the password is read from the environment or stdin",
  async run(argv, io: CliIo) {
    const args = parseArgs(argv, ["name", "role", "database", "workspace"], []);
    const name = required(args, "name");
    const role = required(args, "role") as Role;
    if (!ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
    if (!/^[A-Za-z0-9._@-]+$/.test(name)) throw new UsageError("--name may hold letters, digits and . _ @ - only");
    const password = readPassword();
    const problem = passwordProblem(password);
    if (problem) {
      io.err(`user add: ${problem}\n`);
      return 1;
    }
    const { database, workspace } = storeArgs(args);
    const store = await openServerStore(database, workspace);
    try {
      const r = await new AuthStore(store, io.now).addUser(name, role, password);
      if (r === "exists") {
        io.err(`user add: user ${name} exists\n`);
        return 1;
      }
      await store.as("cli").write((tx) => tx.audit.append([{ at: io.now(), kind: "server.user.add", source: "manual", entity: `user:${name}`, after: { name, role } }]));
      io.out(`user add: ${name} (${role})\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
