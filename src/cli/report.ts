import type { Issue } from "../core/issues";
import { formatIssue } from "../core/messages";
import type { CliIo } from "./cli-io";

/** Prints issues on stderr, one per line, errors first; returns the number of errors. */
export function reportIssues(io: CliIo, issues: readonly Issue[]): number {
  const sorted = [...issues].sort((a, b) => rank(a) - rank(b));
  for (const i of sorted) io.err(`${i.severity === "error" ? "error" : i.severity}: ${formatIssue(i, io.lang)}\n`);
  return issues.filter((i) => i.severity === "error").length;
}

function rank(i: Issue): number {
  return i.severity === "error" ? 0 : i.severity === "warning" ? 1 : 2;
}

/** Prints a JSON summary on stdout (for `--json`). */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + "\n");
}
