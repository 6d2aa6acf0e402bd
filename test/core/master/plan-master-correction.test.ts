/** planMasterImport with rows marked as corrections (README "Merge rules of `import-master`"). */
import type { Contract, PositionVersion } from "../../../src/core/contract/model";
import type { ContractRow } from "../../../src/core/master/master-rows";
import { planMasterImport, type MasterSnapshot } from "../../../src/core/master/plan-master-import";

const contract: Contract = { no: "V-1", customerNo: "10001", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" };
const version = (seq: number, unitPrice: string, extra: Partial<PositionVersion> = {}): PositionVersion => ({
  id: `V-1/1/2026-01-01/${seq}`, contractNo: "V-1", positionNo: 1, validFrom: "2026-01-01", articleNo: "A", description: "Art", quantity: "10", unitPrice, discountPct: "0", vatPct: "19", seq, ...extra,
});
const snapshot = (versions: PositionVersion[]): MasterSnapshot => ({
  customers: new Map([["10001", { no: "10001", name: "Müller" }]]),
  articles: new Map([["A", { no: "A", description: "Art", unitPrice: "1", vatPct: "19" }]]),
  contracts: new Map([["V-1", contract]]),
  versions,
  mappings: new Map(),
});
const row = (n: number, unitPrice: string, correction = true): ContractRow => ({
  source: "f.csv", row: n, customer: { no: "10001", name: "Müller" }, hasCustomerName: true, contract, positionNo: 1, validFrom: "2026-01-01",
  state: { articleNo: "A", description: "Art", quantity: "10", unitPrice, discountPct: "0", vatPct: "19" }, ...(correction ? { correction } : {}),
});
const plan = (versions: PositionVersion[], rows: ContractRow[]) => planMasterImport(snapshot(versions), { articles: [], contracts: rows, mappings: [] });

describe("planMasterImport: corrections", () => {
  it("compares with the latest entry of the day: a repeated correction is a no-op, the corrected value is a new correction", () => {
    const stored = [version(1, "20.6"), version(2, "18.6")];
    expect(plan(stored, [row(2, "18.6")])).toMatchObject({ ok: true, value: { versions: [], unchangedRows: 1 } });
    const back = plan(stored, [row(2, "20.6")]);
    expect(back.ok && back.value.versions.map((v) => [v.version.unitPrice, v.corrects?.seq])).toEqual([["20.6", 2]]);
    // unmarked, the latest entry is what the row contradicts
    const unmarked = plan(stored, [row(2, "20.6", false)]);
    expect(!unmarked.ok && unmarked.issues.map((i) => [i.code, i.params.storedPrice])).toEqual([["master.conflicting_version", "18.6"]]);
  });

  it("keeps the stored vendor key and term data the file has no column for", () => {
    const stored = [version(1, "20.6", { vendorKey: "P:S", term: "P1Y", termEnd: "2026-12-31" })];
    const r = plan(stored, [row(2, "18.6")]);
    expect(r.ok && r.value.versions.map((v) => [v.version.vendorKey, v.version.term, v.version.termEnd])).toEqual([["P:S", "P1Y", "2026-12-31"]]);
    expect(r.ok && r.value.notes.map((n) => n.params.column)).toEqual(["unit_price"]);
  });

  it("two rows of one file correcting the same day differently: the second names the first", () => {
    const r = plan([version(1, "20.6")], [row(2, "18.6"), row(3, "17.6")]);
    expect(!r.ok && r.issues.map((i) => [i.code, i.where?.row, i.params.otherRow])).toEqual([["master.duplicate_row", 3, 2]]);
  });
});
