/**
 * Closing the PostgreSQL store closes its connections before it resolves: a CLI command or the
 * server ends right after `close()`, and an open socket kept the process (and jest's worker) alive.
 */
import { openPostgresStore } from "../../src/store/node/postgres-store";
import { freshPgDatabase } from "../support/fixtures-store";

const sockets = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;

it("close() resolves once the pool's connections are closed: no socket stays open", async () => {
  const url = await freshPgDatabase();
  const before = sockets();
  const store = await openPostgresStore(url, { poolSize: 2 });
  await Promise.all([store.read((tx) => tx.customers.keys()), store.read((tx) => tx.customers.keys())]);
  expect(sockets()).toBeGreaterThan(before);
  await store.close();
  expect(sockets()).toBe(before);
});
