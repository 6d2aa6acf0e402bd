import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { MspDb } from "./db";

/** A fresh, empty in-memory store for Node (CLI and tests), isolated from every other instance. */
export async function createMemoryDb(name = "msp-billing"): Promise<MspDb> {
  const db = new MspDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}
