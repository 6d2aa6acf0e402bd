import { readFileSync } from "node:fs";
import { optional, parseArgs, required, UsageError } from "../args";
import type { CliIo, Command } from "../cli-io";
import { callServer, refusal } from "../remote-client";

/**
 * `login`: a bearer token for `--server` (printed on stdout, so `export MSP_BILLING_TOKEN=$(msp-billing
 * login …)` keeps it out of the shell history); the password comes from MSP_BILLING_PASSWORD or the
 * first line of stdin, never from an argument.
 */
export const loginCommand: Command = {
  name: "login",
  usage: "login --server URL --user NAME   (password: MSP_BILLING_PASSWORD or the first line of stdin; prints the token)",
  summary: "log in to the team server and print a bearer token for --server (MSP_BILLING_TOKEN)",
  async run(argv, io: CliIo) {
    const args = parseArgs(argv, ["server", "user"], []);
    const url = (optional(args, "server") ?? process.env.MSP_BILLING_SERVER ?? "").replace(/\/+$/, "");
    if (!/^https?:\/\//i.test(url)) throw new UsageError("--server needs an http(s) URL");
    const user = required(args, "user");
    const password = process.env.MSP_BILLING_PASSWORD ?? readFileSync(0, "utf8").split(/\r?\n/)[0] ?? "";
    const server = { url };
    const r = await callServer(server, "/api/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user, password }) });
    if (typeof r === "string") {
      io.err(`login: ${r}\n`);
      return 1;
    }
    if (!r.ok) {
      io.err(`login: ${r.status === 401 ? "unknown user or wrong password" : await refusal(r, server)}\n`);
      return 1;
    }
    const body = (await r.json()) as { token: string; expiresAt: string; role: string };
    io.out(`${body.token}\n`);
    io.err(`login: ${user} (${body.role}) on ${url}, token valid until ${body.expiresAt}\n`);
    return 0;
  },
};
