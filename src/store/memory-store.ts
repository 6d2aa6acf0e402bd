import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { MspDexie } from "./dexie/dexie-db";
import { DexieStore } from "./dexie/dexie-store";

/** A fresh, empty Dexie store on fake-indexeddb (Node: tests and the browser-less preview paths). */
export async function createMemoryDexieStore(name = "msp-billing"): Promise<DexieStore> {
  const db = new MspDexie(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return new DexieStore(db);
}
