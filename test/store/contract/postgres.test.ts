import pg from "pg";
import { openPostgresStore } from "../../../src/store/node/postgres-store";
import { describeMappingIdUpgrade } from "./mapping-id-upgrade";
import { describeStoreContract } from "./store-contract";
import { postgresAtV3 } from "./v3-stores";
import { pgTestUrl } from "../../support/postgres";

const base = pgTestUrl();
let n = 0;

/** A fresh database per test on the CI's throwaway cluster (scripts/pg-cluster.sh). */
async function freshDatabase(): Promise<string> {
  const name = `msp_contract_${process.pid}_${++n}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

describeStoreContract("PostgreSQL", { open: async () => openPostgresStore(await freshDatabase(), { poolSize: 2 }) });

describeMappingIdUpgrade("PostgreSQL", { atV3: async (seed) => postgresAtV3(await freshDatabase(), seed, (url) => openPostgresStore(url, { poolSize: 2 })) });
