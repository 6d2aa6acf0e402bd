import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../../src/store/node/sqlite-store";
import { describeStoreContract } from "./store-contract";

describeStoreContract("SQLite (in memory)", { open: () => openSqliteStore(":memory:") });

const dir = mkdtempSync(join(tmpdir(), "msp-sqlite-contract-"));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describeStoreContract("SQLite (file)", { open: () => openSqliteStore(join(dir, `store-${++n}.db`)) });
