import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import { MspDexie } from "../../../src/store/dexie/dexie-db";
import { openDexieStore } from "../../../src/store/dexie/dexie-store";
import { describeMappingIdUpgrade } from "./mapping-id-upgrade";
import { describeStoreContract } from "./store-contract";
import { dexieAtV3 } from "./v3-stores";

describeStoreContract("Dexie (fake-indexeddb)", { open: () => openDexieStore(new MspDexie("contract", { indexedDB: new IDBFactory(), IDBKeyRange })) });

describeMappingIdUpgrade("Dexie (fake-indexeddb)", { atV3: (seed) => dexieAtV3(seed) });
