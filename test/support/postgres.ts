/**
 * The PostgreSQL the tests use: `MSP_TEST_PG_URL`, which `npm test` sets after starting a throwaway
 * cluster (scripts/pg-cluster.sh). Without it the PostgreSQL tests fail with this message rather
 * than being skipped, so a missing server is never mistaken for a pass.
 */
export function pgTestUrl(): string {
  const url = process.env.MSP_TEST_PG_URL;
  if (!url) throw new Error("MSP_TEST_PG_URL is not set: start a cluster with `eval \"$(bash scripts/pg-cluster.sh start)\"` (npm test does this)");
  return url;
}
