import type { CliIo } from "../../src/cli/cli-io";
import { FIXED_NOW } from "./fixtures";

/** A CLI io that collects stdout and stderr, with the fixed test clock. */
export function captureIo(lang: "de" | "en" = "en") {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), now: () => FIXED_NOW, lang };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

/** Runs one CLI command in-process, as a user would type it; its exit code, stdout and stderr. */
export async function runCommand(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { runCli } = await import("../../src/cli/main");
  const io = captureIo();
  const code = await runCli(argv, io.cli);
  return { code, out: io.out(), err: io.err() };
}
