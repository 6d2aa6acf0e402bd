import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { InputFile } from "../app/context";
import { Result, fail, issue, ok } from "../core/issues";

/** Reads files from disk for a use case; an unreadable file is an issue, not a crash. */
export function readInputFiles(paths: readonly string[]): Result<InputFile[]> {
  const files: InputFile[] = [];
  for (const p of paths) {
    try {
      files.push({ name: basename(p), bytes: new Uint8Array(readFileSync(p)) });
    } catch (e) {
      return fail(issue("file.unreadable", { file: p, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, { source: p }));
    }
  }
  return ok(files);
}
