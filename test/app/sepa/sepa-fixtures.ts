import type { AppContext } from "../../../src/app/context";
import type { StoredInvoice } from "../../../src/store/records";
import { deIban } from "../../core/sepa/fixtures";

export const SEPA_JSON = JSON.stringify({ name: "Systemhaus Süd GmbH", iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX", creditorId: "DE98ZZZ09999999999" });

/** Mandates CSV: K1 and K2 pay by CORE debit, K3 by B2B, K4 by transfer (a mandate but transfer), K5 with a revoked mandate. */
export const MANDATES_CSV = [
  "customer_no;mandate_ref;signature_date;iban;bic;scheme;debtor_name;revoked_on;payment_method;net_credits",
  `K1;MND-K1;01.06.2025;${deIban("37040044", 1)};;CORE;Müller & Söhne GmbH;;;`,
  `K2;MND-K2;2025-06-01;${deIban("37040044", 2)};COBADEFFXXX;core;Schmidt KG;;direct_debit;yes`,
  `K3;MND-K3;2025-06-01;${deIban("37040044", 3)};;B2B;Großkunde AG;;;`,
  `K4;MND-K4;2025-06-01;${deIban("37040044", 4)};;CORE;Überweiser GmbH;;transfer;`,
  `K5;MND-K5;2025-06-01;${deIban("37040044", 5)};;CORE;Gekündigt GmbH;2026-10-01;;`,
].join("\n");

/** A stored invoice of run `runId` with only the fields collection needs filled in meaningfully. */
export function storedInvoice(runId: string, seq: number, ref: string, customerNo: string, gross: string, extra: Record<string, unknown> = {}): StoredInvoice {
  return {
    invoiceRef: ref, runId, invoiceDate: "2026-11-20", customerNo, customerName: `Kunde ${customerNo}`,
    documentType: gross.startsWith("-") ? "correction" : "invoice", lines: [], vatTotals: [], netTotal: gross, vatTotal: "0.00", grossTotal: gross, seqInRun: seq, ...extra,
  } as StoredInvoice;
}

/** Stores a run with the given invoices (as the billing run would). */
export async function addRun(ctx: AppContext, runId: string, invoices: StoredInvoice[]): Promise<void> {
  await ctx.store.write(async (tx) => {
    await tx.runs.add({ id: runId, month: "2026-11", createdAt: ctx.now(), invoiceDate: "2026-11-20", invoiceRefs: invoices.map((i) => i.invoiceRef) });
    await tx.invoices.addMany(invoices);
  });
}
