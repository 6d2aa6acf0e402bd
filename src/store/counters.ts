import type { MspDb } from "./db";

/**
 * Reserves `count` consecutive numbers of a named counter and returns the first. Call inside a
 * read-write transaction that includes the settings table, so a failed transaction gives them back.
 */
export async function reserveNumbers(db: MspDb, counter: string, count = 1): Promise<number> {
  const key = `counter:${counter}`;
  const row = await db.settings.get(key);
  const next = typeof row?.value === "number" ? row.value : 1;
  await db.settings.put({ key, value: next + count });
  return next;
}

/** The next number a counter would hand out, without reserving it. */
export async function peekNumber(db: MspDb, counter: string): Promise<number> {
  const row = await db.settings.get(`counter:${counter}`);
  return typeof row?.value === "number" ? row.value : 1;
}
