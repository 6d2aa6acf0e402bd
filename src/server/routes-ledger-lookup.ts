import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { readLedgerPart, runsSignature } from "../app/lookup/lookup-index";
import type { SqlStore } from "../store/sql/sql-store";
import { ANY_ROLE } from "./route-kit";

/**
 * `GET /api/lookups/ledger`: the billed sums per contract and month that MSP.BILLED answers from (the
 * ledger part of the lookup index), for the add-in in server mode. The ledger changes only with the
 * billing runs, so the ETag is a hash of the runs' signature (not the store revision): a client
 * keeps its sums across other writes, and the sums are summed once per change of the runs.
 */
const etagOf = (runs: string) => `"runs-${createHash("sha256").update(runs).digest("hex").slice(0, 32)}"`;

export function registerLedgerLookupRoute(app: FastifyInstance, store: SqlStore): void {
  let cached: { runs: string; body: string } | null = null;
  app.get(
    "/api/lookups/ledger",
    { config: { roles: ANY_ROLE }, schema: { summary: "Billed sums per contract and month (MSP.BILLED); ETag changes with the billing runs" } },
    async (req, reply) => {
      const runs = await store.read(runsSignature);
      if (req.headers["if-none-match"] === etagOf(runs)) return reply.code(304).header("ETag", etagOf(runs)).send();
      if (!cached || cached.runs !== runs) {
        // One transaction for the runs and the sums (a run committed meanwhile is in both or neither).
        const part = await readLedgerPart(store);
        cached = { runs: part.runs, body: JSON.stringify({ signature: part.runs, rows: part.index.rows() }) };
      }
      return reply.type("application/json").header("ETag", etagOf(cached.runs)).send(cached.body);
    },
  );
}
