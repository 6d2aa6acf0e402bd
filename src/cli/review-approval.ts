import { type AppContext, sha256Hex } from "../app/context";
import { type Issue, type Result, hasErrors } from "../core/issues";
import type { RawTable } from "../io/table/raw-table";
import { parseArgs, required, UsageError } from "./args";
import type { CliIo } from "./cli-io";
import { readInputFiles } from "./read-input";
import { readTableFile } from "./read-table-file";
import { printJson, reportIssues } from "./report";
import { withWorkspace } from "./store";

/** How one kind of review file (time, usage) is read back and stored. */
export interface ReviewApproval<D, S> {
  /** The command's name, as it prefixes its messages. */
  name: string;
  read(table: RawTable): { decisions: D; issues: Issue[] };
  apply(ctx: AppContext, decisions: D, file: { name: string; sha256: string }): Promise<Result<S>>;
  /** The summary line, and whether anything changed. */
  summary(s: S): { line: string; changed: boolean };
}

/**
 * `<kind> approve --workspace W REVIEW.csv|.xlsx [--json]`: reads the edited review file, refuses it
 * whole when a cell is wrong (nothing changed), else stores the decisions in one transaction.
 */
export async function runReviewApproval<D, S>(argv: readonly string[], io: CliIo, kind: ReviewApproval<D, S>): Promise<number> {
  const args = parseArgs(argv, ["workspace"], ["json"]);
  const workspace = required(args, "workspace");
  if (args.positionals.length !== 1) throw new UsageError("name exactly one review file");
  const files = readInputFiles(args.positionals);
  if (!files.ok) {
    reportIssues(io, files.issues);
    return 1;
  }
  const file = files.value[0]!;
  const { table, issues: readIssues } = await readTableFile(file);
  const { decisions, issues } = kind.read(table);
  const all = [...readIssues, ...issues];
  if (hasErrors(all)) {
    const n = reportIssues(io, all);
    io.err(`${kind.name}: ${n} error(s) in ${file.name}; nothing was changed.\n`);
    return 1;
  }
  const sha256 = await sha256Hex(file.bytes);
  return withWorkspace(workspace, io, async (ctx) => {
    const r = await kind.apply(ctx, decisions, { name: file.name, sha256 });
    if (!r.ok) {
      const n = reportIssues(io, r.issues);
      io.err(`${kind.name}: ${n} error(s); nothing was changed, the workspace is unchanged.\n`);
      return { code: 1, save: false };
    }
    const { line, changed } = kind.summary(r.value);
    if (args.flags.has("json")) printJson(io, r.value);
    else io.out(`${kind.name}: ${line}\n`);
    return { code: 0, save: changed };
  });
}
