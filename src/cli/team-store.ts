/** Commands that open the team store themselves and take `--database` as their own option. */
const OWN_DATABASE = new Set(["serve", "user add", "push"]);

/** True when a workspace argument names a PostgreSQL team store rather than an SQLite file. */
export const isDatabaseUrl = (workspace: string): boolean => /^postgres(ql)?:\/\//i.test(workspace);

/**
 * The global `--database postgres://…` option (or MSP_BILLING_DATABASE when a command names no
 * workspace): every command then runs on the team store, in one transaction there, exactly as it
 * would on a workspace file — the store is named where `--workspace` would be.
 */
export function withDatabaseOption(command: string, args: readonly string[], env: NodeJS.ProcessEnv): string[] {
  if (OWN_DATABASE.has(command)) return [...args];
  const out: string[] = [];
  let database: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--database") database = args[++i];
    else if (a.startsWith("--database=")) database = a.slice("--database=".length);
    else out.push(a);
  }
  const hasWorkspace = out.some((a) => a === "--workspace" || a.startsWith("--workspace="));
  if (database === undefined && !hasWorkspace && env.MSP_BILLING_DATABASE) database = env.MSP_BILLING_DATABASE;
  if (database === undefined) return out;
  if (hasWorkspace) return [...out, "--database", database]; // both given: the command's parser reports it
  return [...out, "--workspace", database];
}
