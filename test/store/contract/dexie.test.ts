import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { MspDexie } from "../../../src/store/dexie/dexie-db";
import { openDexieStore } from "../../../src/store/dexie/dexie-store";
import { describeStoreContract } from "./store-contract";

describeStoreContract("Dexie (fake-indexeddb)", { open: () => openDexieStore(new MspDexie("contract", { indexedDB: new IDBFactory(), IDBKeyRange })) });
