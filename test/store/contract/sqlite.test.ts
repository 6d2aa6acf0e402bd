import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../../src/store/node/sqlite-store";
import { describeMappingIdUpgrade } from "./mapping-id-upgrade";
import { describeStoreContract } from "./store-contract";
import { sqliteAtV3 } from "./v3-stores";

describeStoreContract("SQLite (in memory)", { open: () => openSqliteStore(":memory:") });

const dir = mkdtempSync(join(tmpdir(), "msp-sqlite-contract-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describeStoreContract("SQLite (file)", { open: () => openSqliteStore(join(dir, `store-${++n}.db`)) });

describeMappingIdUpgrade("SQLite (file)", { atV3: (seed) => sqliteAtV3(join(dir, `v3-${++n}.db`), seed, (p) => openSqliteStore(p)) });
