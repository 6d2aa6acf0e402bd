import { readFileSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import { UsageError } from "./args";
import type { CliIo } from "./cli-io";
import { currentRemote } from "./remote-scope";
import { OutputFiles } from "./store";

/** A team server to run commands on (`--server URL --token T`, or MSP_BILLING_SERVER / MSP_BILLING_TOKEN). */
export interface ServerTarget {
  url: string;
  token: string;
}

/** Commands that never run through `POST /api/cli` (they talk to the server, or open a store themselves). */
const LOCAL_ONLY = new Set(["serve", "user add", "push", "login"]);

/** Options whose value names a file the command writes (not uploaded, even when it exists already). */
const OUTPUT_OPTIONS = new Set(["out", "report", "documents", "articles", "mappings"]);

/**
 * Takes `--server URL` and `--token T` out of a command's arguments. The environment fills in what
 * is missing (MSP_BILLING_SERVER only when the command names no store of its own; the token
 * preferably from MSP_BILLING_TOKEN, so it is not in the shell history). Null: run locally.
 */
export function takeServerOption(command: string, args: readonly string[], env: NodeJS.ProcessEnv): { args: string[]; server: ServerTarget | null } {
  // The server runs its commands locally (its store is injected), whatever its environment says.
  if (LOCAL_ONLY.has(command) || currentRemote()) return { args: [...args], server: null };
  const rest: string[] = [];
  let url: string | undefined;
  let token: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--server") url = args[++i];
    else if (a.startsWith("--server=")) url = a.slice("--server=".length);
    else if (a === "--token") token = args[++i];
    else if (a.startsWith("--token=")) token = a.slice("--token=".length);
    else rest.push(a);
  }
  const namesStore = rest.some((a) => /^--(workspace|database)(=|$)/.test(a));
  if (url !== undefined && namesStore) throw new UsageError("--server and --workspace/--database exclude each other");
  if (url === undefined && !namesStore && env.MSP_BILLING_SERVER) url = env.MSP_BILLING_SERVER;
  if (url === undefined) {
    if (token !== undefined) throw new UsageError("--token needs --server URL");
    return { args: rest, server: null };
  }
  token ??= env.MSP_BILLING_TOKEN;
  if (!url || !/^https?:\/\//i.test(url)) throw new UsageError("--server needs an http(s) URL");
  if (!token) throw new UsageError("--server needs a token: --token T or MSP_BILLING_TOKEN (get one with: msp-billing login --server URL --user NAME)");
  return { args: rest, server: { url: url.replace(/\/+$/, ""), token } };
}

/** Every argument naming an existing local file that the command reads (option values of outputs excepted). */
function inputFiles(args: readonly string[]): { name: string; base64: string }[] {
  const files = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    let value: string | undefined;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const option = a.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) value = a.slice(eq + 1);
      if (OUTPUT_OPTIONS.has(option)) {
        if (eq < 0) i++;
        continue;
      }
    } else value = a;
    if (value === undefined || files.has(value)) continue;
    try {
      if (statSync(value).isFile()) files.set(value, readFileSync(value).toString("base64"));
    } catch {
      // not a local file: an ordinary value
    }
  }
  return [...files].map(([name, base64]) => ({ name, base64 }));
}

/** True when the server names a file the command line asked for (the value itself or a file inside a named folder). */
function allowedOutput(path: string, args: readonly string[]): boolean {
  const target = resolve(path);
  return args.some((a) => {
    const value = a.startsWith("--") ? (a.includes("=") ? a.slice(a.indexOf("=") + 1) : null) : a;
    if (!value) return false;
    const named = resolve(value);
    return target === named || target.startsWith(named + sep);
  });
}

/** A fetch that turns "no connection" into a message naming the server. */
export async function callServer(server: { url: string }, path: string, init: RequestInit): Promise<Response | string> {
  try {
    return await fetch(server.url + path, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return `cannot reach the team server ${server.url} (${cause?.code ?? cause?.message ?? (e as Error).message})`;
  }
}

/** The message of a refused request (401/403/4xx/5xx) from the server's JSON error body. */
export async function refusal(r: Response, server: { url: string }): Promise<string> {
  const text = await r.text();
  let message = text;
  try {
    const body = JSON.parse(text) as { message?: string; issues?: { text: string }[] };
    message = body.issues?.map((i) => i.text).join("\n") ?? body.message ?? text;
  } catch {
    // not JSON
  }
  if (r.status === 401) return `the team server ${server.url} refused the token (${message}); log in again: msp-billing login --server ${server.url} --user NAME`;
  return `the team server refused (${r.status}): ${message}`;
}

/**
 * Runs a command on the team server: uploads the local files its arguments name, prints what the
 * command printed there, and — only when it succeeded — writes the files it produced, here, under
 * the names given on the command line (atomically, as a local run would).
 */
export async function runRemote(command: string, args: readonly string[], io: CliIo, server: ServerTarget): Promise<number> {
  const argv = [...command.split(" "), ...args];
  const r = await callServer(server, "/api/cli", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${server.token}` },
    body: JSON.stringify({ argv, files: inputFiles(args), lang: io.lang }),
  });
  if (typeof r === "string") {
    io.err(`msp-billing ${command}: ${r}\n`);
    return 1;
  }
  if (!r.ok) {
    io.err(`msp-billing ${command}: ${await refusal(r, server)}\n`);
    return 1;
  }
  const result = (await r.json()) as { code: number; stdout: string; stderr: string; files: { path: string; base64: string }[] };
  const outputs = new OutputFiles();
  for (const f of result.files) {
    if (!allowedOutput(f.path, args)) {
      io.err(`msp-billing ${command}: the server sent a file the command line did not name (${f.path}); nothing was written\n`);
      return 1;
    }
    outputs.add(f.path, new Uint8Array(Buffer.from(f.base64, "base64")));
  }
  io.err(result.stderr);
  if (result.code === 0) outputs.writeAll();
  io.out(result.stdout);
  return result.code;
}
