import { Decimal } from "../money/decimal";
import type { PricedEntry } from "./bill-time";
import type { TimeEntry } from "./model";
import { spreadUnits } from "./rounding";
import type { TimeSegment } from "./segments";

/** A segment of an open entry of a rounding group. */
export interface OpenSegment {
  p: PricedEntry;
  seg: TimeSegment;
}

/** A billed entry of the same ticket-day, with its segments under today's rules. */
export interface BilledDayEntry {
  entry: TimeEntry;
  segments: TimeSegment[];
}

/** Units of the open entries of a ticket-day that already has billed entries. */
export interface LateTicketDay {
  /** The units the open entries are charged, each on one of their segments (with that segment's surcharge, or the surcharge the units belong to). */
  chunks: (OpenSegment & { units: number })[];
  /** Units already billed for the day (in today's unit size), and the units of the whole day rated at once. */
  billedUnits: number;
  dayUnits: number;
}

interface Bucket {
  label: string;
  pct: Decimal;
  /** Units of the whole day rated at once. */
  day: number;
  /** Minutes of the units already billed. */
  billedMinutes: number;
}

/**
 * Rates the open (late) entries of a ticket-day whose other entries an active run already billed,
 * with `rounding: "ticket_day"` (PRODUCT.md §5.4): the day's minutes are rounded once, so a late
 * entry is charged only the units the whole day needs beyond those already billed for it, never
 * fewer than none (20 min billed as 2 units in June, 5 more minutes in July: the day's 25 min are 2
 * units, so July charges 0). Billing in several runs then charges the units of rating the day at
 * once, whatever was billed when; an undo or cancellation that opens billed entries again lets them
 * be rated the same way against what is still billed.
 *
 * Per surcharge: the whole day's units are spread over its segments (`spreadUnits`) and each
 * surcharge gets its units minus the units billed in it (from the entries' stored split, or for
 * records without one, their units spread over their own surcharges by minutes). Spreading the
 * rounded-up rest can move a started unit from one surcharge to another when minutes are added, so a
 * surcharge may already hold more than the whole day gives it; that unit still counts against the
 * day's total, and the missing units are taken from the surcharges short of units, the lowest
 * percentage first (the customer never pays more than the day's total units). A surcharge's units go
 * to the open segments in it (in time order, as many as the day's rating gives each, the rest to the
 * last one); when no open entry worked in it, to the last open segment, at that surcharge's rate.
 *
 * Billed units of another unit size (the rules changed between the runs) count as the started units
 * of today's size their minutes fill.
 *
 * @param open the open entries' segments (their rounding group's members, split under today's rules)
 * @param members the open entries of the day (one of them carries units when none has minutes)
 * @param billed the day's entries active runs billed, with their segments under today's rules
 */
export function rateLateTicketDay(open: readonly OpenSegment[], members: readonly PricedEntry[], billed: readonly BilledDayEntry[], unitMinutes: number): LateTicketDay {
  const all: { open?: OpenSegment; seg: TimeSegment }[] = [...open.map((o) => ({ open: o, seg: o.seg })), ...billed.flatMap((b) => b.segments.map((seg) => ({ seg })))];
  all.sort((a, b) => cmp(a.seg.date, b.seg.date) || a.seg.from - b.seg.from || cmp(a.seg.entryId, b.seg.entryId));
  const units = spreadUnits(all.map((x) => x.seg.minutes), unitMinutes);
  const buckets = new Map<string, Bucket>();
  const bucketOf = (pct: Decimal, label: string): Bucket => {
    const key = bucketKey(pct, label);
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { label: pct.isZero() ? "" : label, pct, day: 0, billedMinutes: 0 }));
    return b;
  };
  all.forEach((x, i) => (bucketOf(x.seg.pct, x.seg.label).day += units[i]!));
  for (const b of billed) for (const s of billedSplit(b)) bucketOf(s.pct, s.label).billedMinutes += s.minutes;
  const billedOf = (b: Bucket) => Math.ceil(b.billedMinutes / unitMinutes);
  const dayUnits = [...buckets.values()].reduce((s, b) => s + b.day, 0);
  const billedUnits = [...buckets.values()].reduce((s, b) => s + billedOf(b), 0);
  let left = Math.max(0, dayUnits - billedUnits);
  const chunks: LateTicketDay["chunks"] = [];
  const ordered = [...buckets.values()].sort((a, b) => a.pct.comparedTo(b.pct) || cmp(a.label, b.label));
  for (const bucket of ordered) {
    let extra = Math.min(left, Math.max(0, bucket.day - billedOf(bucket)));
    left -= extra;
    if (extra === 0) continue;
    const key = bucketKey(bucket.pct, bucket.label);
    const inBucket = all.flatMap((x, i) => (x.open && bucketKey(x.seg.pct, x.seg.label) === key ? [{ o: x.open, units: units[i]! }] : []));
    for (const x of inBucket) {
      const n = Math.min(x.units, extra);
      if (n > 0) chunks.push({ ...x.o, units: n });
      extra -= n;
    }
    if (extra === 0) continue;
    const last = inBucket[inBucket.length - 1]?.o;
    if (last) chunks.push({ ...last, units: extra });
    else {
      const carrier = open[open.length - 1] ?? emptySegment(members[members.length - 1]!);
      chunks.push({ p: carrier.p, seg: { ...carrier.seg, pct: bucket.pct, label: bucket.label }, units: extra });
    }
  }
  return { chunks, billedUnits, dayUnits };
}

/** A billed entry's minutes per surcharge: its stored split, or its units spread over its own surcharges by minutes (largest remainder). */
function billedSplit(b: BilledDayEntry): { pct: Decimal; label: string; minutes: number }[] {
  const billing = b.entry.billing!;
  if (billing.surcharges) return billing.surcharges.map((s) => ({ pct: new Decimal(s.pct), label: s.label, minutes: s.units * billing.unitMinutes }));
  const own = new Map<string, { pct: Decimal; label: string; minutes: number; units: number }>();
  for (const seg of b.segments) {
    const key = bucketKey(seg.pct, seg.label);
    const x = own.get(key);
    if (x) x.minutes += seg.minutes;
    else own.set(key, { pct: seg.pct, label: seg.label, minutes: seg.minutes, units: 0 });
  }
  const parts = [...own.values()];
  const total = parts.reduce((s, x) => s + x.minutes, 0);
  if (parts.length === 0 || total === 0) return [{ pct: new Decimal(0), label: "", minutes: billing.units * billing.unitMinutes }];
  for (const x of parts) x.units = Math.floor((billing.units * x.minutes) / total);
  let rest = billing.units - parts.reduce((s, x) => s + x.units, 0);
  const byRemainder = parts.map((x, i) => ({ i, r: (billing.units * x.minutes) % total })).sort((a, c) => c.r - a.r || c.i - a.i);
  for (const { i } of byRemainder) {
    if (rest <= 0) break;
    parts[i]!.units += 1;
    rest -= 1;
  }
  return parts.map((x) => ({ pct: x.pct, label: x.label, minutes: x.units * billing.unitMinutes }));
}

/** A zero-minute segment of an entry without any (e.g. start = end), to carry units the day still needs. */
function emptySegment(p: PricedEntry): OpenSegment {
  return { p, seg: { entryId: p.entry.id, date: p.entry.date, from: 0, to: 0, minutes: 0, pct: new Decimal(0), label: "" } };
}

const bucketKey = (pct: Decimal, label: string): string => JSON.stringify([pct.isZero() ? "" : label, pct.toFixed()]);
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
