import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync } from "node:fs";
import { basename } from "node:path";
import { pushStore } from "../../app/push";
import { issue } from "../../core/issues";
import { parseBackup, writeBackup } from "../../store/backup";
import { openPostgresStore, redact } from "../../store/node/postgres-store";
import { openSqliteStore } from "../../store/node/sqlite-store";
import { optional, parseArgs, required, UsageError } from "../args";
import type { CliIo, Command } from "../cli-io";
import { callServer, refusal, type ServerTarget, takeServerOption } from "../remote-client";
import { printJson, reportIssues } from "../report";

function startsWithBrace(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString("utf8").replace(/^\uFEFF/, "").trimStart().startsWith("{");
  } finally {
    closeSync(fd);
  }
}

/** The source as backup JSON text: a JSON backup as it is, a workspace database exported read-only. */
async function sourceText(path: string, now: string): Promise<string> {
  if (startsWithBrace(path)) return readFileSync(path).toString("utf8");
  const store = await openSqliteStore(path);
  try {
    // Exported and parsed again so a workspace passes the same row checks as a backup file.
    const parts: string[] = [];
    await writeBackup(store, now, (chunk) => void parts.push(chunk));
    return parts.join("");
  } finally {
    await store.close();
  }
}

/** Prints what arrived (the same line whether pushed through the database or the server). */
function reportPush(io: CliIo, json: boolean, summary: { from: string; target: string; sha256: string; counts: Record<string, number> }, key: "database" | "server"): void {
  if (json) printJson(io, { from: summary.from, [key]: summary.target, sha256: summary.sha256, counts: summary.counts });
  else io.out(`push: ${summary.from} → ${summary.target} (${Object.entries(summary.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ") || "empty"})\n`);
}

/**
 * `push`: moves a single-user store (an SQLite workspace) or a JSON backup into the team store —
 * on PostgreSQL directly (`--database`, the admin's database access) or through the team server
 * (`--server URL --token T`, an admin's login) — in one transaction (see pushStore). The source is
 * read and checked here either way; through the server it travels as backup JSON.
 */
export const pushCommand: Command = {
  name: "push",
  usage: "push --from WORKSPACE.db|BACKUP.json (--database postgres://… | --server URL [--token T]) [--replace] [--json]",
  summary: "move a single-user store or a backup into the (empty) team store, on PostgreSQL or through the team server (admin); --replace overwrites a store holding data",
  async run(argv, io: CliIo) {
    const args = parseArgs(argv, ["from", "database", "server", "token"], ["replace", "json"]);
    const from = required(args, "from");
    const serverUrl = optional(args, "server") ?? (optional(args, "database") === undefined ? process.env.MSP_BILLING_SERVER : undefined);
    const database = optional(args, "database") ?? (serverUrl === undefined ? process.env.MSP_BILLING_DATABASE : undefined);
    if (serverUrl !== undefined && database !== undefined) throw new UsageError("--server and --database exclude each other");
    if (!database && serverUrl === undefined) throw new UsageError("name the team store: --database postgres://… or --server URL");
    if (!existsSync(from)) {
      reportIssues(io, [issue("push.source_missing", { file: from }, { source: from })]);
      return 1;
    }
    const text = await sourceText(from, io.now());
    const doc = parseBackup(text, from);
    if (!doc.ok) {
      reportIssues(io, doc.issues);
      return 1;
    }
    const json = args.flags.has("json");
    if (serverUrl !== undefined) {
      const { server } = takeServerOption("bill", ["--server", serverUrl, ...(optional(args, "token") !== undefined ? ["--token", optional(args, "token")!] : [])], process.env);
      return pushToServer(io, server!, from, text, args.flags.has("replace"), json);
    }
    const sha256 = createHash("sha256").update(readFileSync(from)).digest("hex");
    const store = await openPostgresStore(database!);
    try {
      const result = await pushStore({ store: store.as("cli"), now: io.now }, doc.value, { name: basename(from), sha256 }, args.flags.has("replace"));
      if ("lost" in result) {
        reportIssues(io, result.lost);
        return 1;
      }
      if ("refused" in result) {
        reportIssues(io, [issue("push.target_not_empty", { store: redact(database!), rows: String(result.refused) }, { source: redact(database!) })]);
        return 1;
      }
      reportPush(io, json, { from, target: redact(database!), sha256, counts: result.after }, "database");
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** `push --server`: the checked source as backup JSON to `POST /api/push` (admin only; 409 when the team store holds data). */
async function pushToServer(io: CliIo, server: ServerTarget, from: string, text: string, replace: boolean, json: boolean): Promise<number> {
  // A backup file travels as it is (its SHA-256 is the file's); a workspace as its backup export.
  const bytes = startsWithBrace(from) ? readFileSync(from) : Buffer.from(text, "utf8");
  const r = await callServer(server, "/api/push", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${server.token}`, "accept-language": io.lang },
    body: JSON.stringify({ file: { name: basename(from), base64: bytes.toString("base64") }, replace }),
  });
  if (typeof r === "string") {
    io.err(`push: ${r}\n`);
    return 1;
  }
  if (!r.ok) {
    io.err(`push: ${await refusal(r, server)}\n`);
    return 1;
  }
  const body = (await r.json()) as { sha256: string; after: Record<string, number> };
  reportPush(io, json, { from, target: server.url, sha256: body.sha256, counts: body.after }, "server");
  return 0;
}
