import type { AppContext } from "../app/context";
import type { CliIo } from "./cli-io";
import { reportIssues } from "./report";
import { openWorkspace, saveWorkspace } from "./workspace";

/**
 * Runs `body` against the workspace's store. The workspace file is written (atomically) only when
 * the body returns `{ save: true }`, so failed commands never touch it.
 */
export async function withWorkspace(
  path: string,
  io: CliIo,
  body: (ctx: AppContext) => Promise<{ code: number; save: boolean }>,
): Promise<number> {
  const opened = await openWorkspace(path);
  if (!opened.ok) {
    reportIssues(io, opened.issues);
    return 1;
  }
  const db = opened.value;
  try {
    const { code, save } = await body({ db, now: io.now });
    if (save && code === 0) await saveWorkspace(db, path, io.now());
    return code;
  } finally {
    db.close();
  }
}
