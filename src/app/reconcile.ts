import type { IsoMonth } from "../core/date/iso-month";
import { Issue, Result, hasErrors, issue, ok } from "../core/issues";
import { mappingKey } from "../core/reconcile/external-id";
import { reconcileMonth, type MappingLookup } from "../core/reconcile/reconcile-month";
import type { ReviewRow } from "../core/reconcile/review-row";
import type { SeatLine } from "../core/reconcile/seat-line";
import { classifyChargeType } from "../io/vendor/charge-type";
import type { ReadVendorResult } from "../io/vendor/read-vendor";
import type { VendorLine } from "../io/vendor/vendor-line";
import type { AppContext } from "./context";

/** A vendor file as a host read it (CLI: from disk; task pane: from a sheet or a picked file). */
export interface VendorFileRead {
  name: string;
  sha256: string;
  result: ReadVendorResult;
}

export interface ReconcileOutcome {
  month: IsoMonth;
  rows: ReviewRow[];
  files: { name: string; sha256: string; profileId: string | null; rowCount: number; lines: number; from: string | null; to: string | null }[];
  counts: Record<string, number>;
  warnings: Issue[];
}

/** Converts the io layer's vendor line into what reconciliation needs. */
export function toSeatLine(l: VendorLine, countsSeats = classifyChargeType(l.chargeType).countsSeats && l.chargeKind !== "usage"): SeatLine {
  // Only the fields reconciliation reads: a small object of one shape, not a copy of the whole line.
  return {
    profileId: l.profileId,
    source: l.source,
    row: l.row,
    vendorCustomerId: l.vendorCustomerId,
    vendorCustomerName: l.vendorCustomerName,
    vendorArticleKey: l.vendorArticleKey,
    vendorArticleName: l.vendorArticleName,
    subscriptionId: l.subscriptionId,
    chargeFrom: l.chargeFrom,
    chargeTo: l.chargeTo,
    quantity: l.quantity,
    unitCost: l.unitCost,
    amount: l.amount,
    changesQuantity: l.changesQuantity,
    countsSeats,
    ...(l.setsTotal ? { setsTotal: true } : {}),
    ...(l.term ? { term: l.term } : {}),
    ...(l.billingCycle ? { billingFrequency: l.billingCycle } : {}),
    ...(l.subscriptionEnd ? { subscriptionEnd: l.subscriptionEnd } : {}),
    ...(l.chargeKind === "purchase" || l.chargeKind === "renew" ? { startsTerm: true } : {}),
  };
}

/** The lines that count seats, as seat lines (the others play no part in reconciliation). */
function seatLines(reads: readonly VendorFileRead[]): SeatLine[] {
  const countsSeats = new Map<string, boolean>();
  const out: SeatLine[] = [];
  for (const r of reads) {
    for (const l of r.result.lines) {
      if (l.chargeKind === "usage") continue;
      let counts = countsSeats.get(l.chargeType);
      if (counts === undefined) countsSeats.set(l.chargeType, (counts = classifyChargeType(l.chargeType).countsSeats));
      if (counts) out.push(toSeatLine(l, true));
    }
  }
  return out;
}

/**
 * Reconciles one or more vendor files for a month against the store (PRODUCT.md §3 steps 2–3). Reads
 * only; the review rows go to a sheet or file for the user's decisions. Files with errors stop it.
 */
export async function reconcileFiles(ctx: AppContext, reads: readonly VendorFileRead[], month: IsoMonth): Promise<Result<ReconcileOutcome>> {
  const issues = reads.flatMap((r) => r.result.issues);
  if (hasErrors(issues)) return { ok: false, issues };
  const lines = seatLines(reads);
  const sources = new Set<string>();
  for (const r of reads) for (const l of r.result.lines) sources.add(l.profileId);
  const data = await ctx.store.read(async (tx) => ({
    customers: new Map((await tx.customers.all()).map((c) => [c.no, c])),
    articles: new Map((await tx.articles.all()).map((a) => [a.no, a])),
    contracts: await tx.contracts.all(),
    versions: await tx.versions.all(),
    mappings: await tx.mappings.all(),
  }));
  // Keyed by the normal form of the id, so mappings stored before the normalisation match too.
  const byKey = new Map(data.mappings.map((m) => [mappingKey(m.kind, m.source, m.externalId), m.internalNo]));
  const lookup: MappingLookup = (kind, source, externalId) => byKey.get(mappingKey(kind, source, externalId)) ?? byKey.get(mappingKey(kind, "*", externalId));
  const relevant = data.mappings.filter((m) => m.source === "*" || sources.has(m.source));
  const rows = reconcileMonth({
    month,
    lines,
    lookup,
    customers: data.customers,
    articles: data.articles,
    contracts: data.contracts,
    versions: data.versions,
    mappedCustomers: new Set(relevant.filter((m) => m.kind === "customer").map((m) => m.internalNo)),
    mappedArticles: new Set(relevant.filter((m) => m.kind === "article").map((m) => m.internalNo)),
    mappedIds: { customer: idsByInternalNo(relevant, "customer"), article: idsByInternalNo(relevant, "article") },
  });
  const warnings = [...issues];
  const usageLines = reads.reduce((n, r) => n + r.result.lines.filter((l) => l.chargeKind === "usage").length, 0);
  // A usage file (daily rated usage, Azure plan only) has no licences to reconcile: say where it goes.
  if (lines.length === 0) warnings.push(issue(usageLines > 0 ? "reconcile.usage_only" : "reconcile.no_lines", { month, count: usageLines }, { source: reads.map((r) => r.name).join(", ") }, "warning"));
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return ok({
    month,
    rows,
    files: reads.map((r) => ({ name: r.name, sha256: r.sha256, profileId: r.result.profile?.id ?? null, rowCount: r.result.rowCount, lines: r.result.lines.length, from: r.result.periodFound?.from ?? null, to: r.result.periodFound?.to ?? null })),
    counts,
    warnings,
  });
}

/** The external ids of the given mappings of one kind, by internal number. */
function idsByInternalNo(mappings: readonly { kind: string; externalId: string; internalNo: string }[], kind: "customer" | "article"): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of mappings) if (m.kind === kind) out.set(m.internalNo, [...(out.get(m.internalNo) ?? []), m.externalId]);
  return out;
}
