import type { TableName, TableRow } from "../../../src/store/tables";

/**
 * One or more realistic rows per table, with optional fields both present and absent, fields the
 * typed columns do not declare (kept in `extra`), umlauts, exact decimals with trailing zeros and
 * many places, so every adapter must give back exactly what was written.
 */
export const SAMPLE_ROWS: { [T in TableName]: TableRow<T>[] } = {
  customers: [
    { no: "10001", name: "Müller GmbH", domain: "mueller.de", debtorAccount: "10001", vatId: "DE123456789", address: "Hauptstraße 1\n12345 Berlin", reverseCharge: false },
    { no: "10002", name: "Schulz & Söhne KG" },
    { no: "A-7", name: "Ärzte-Zentrum Süd", reverseCharge: true },
  ],
  articles: [
    { no: "M365-BP", description: "Microsoft 365 Business Premium", unitPrice: "20.60", vatPct: "19", unit: "Lizenz", purchasePrice: "16.5000" },
    { no: "SUPPORT", description: "Support je Stunde", unitPrice: "95.00", vatPct: "19" },
  ],
  contracts: [
    { no: "V-1001", customerNo: "10001", type: "license", interval: "monthly", mode: "advance", start: "2026-01-01" },
    { no: "V-1002", customerNo: "10001", type: "managed_service", interval: "quarterly", mode: "arrears", start: "2025-10-15", end: "2027-09-30", suppressCredits: true, noPriceChangeBefore: "2026-07-01" },
    { no: "V-2001", customerNo: "10002", type: "click", interval: "annual", mode: "advance", start: "2024-02-29", billedUntil: "2025-12-31" },
  ],
  contractVersions: [
    { id: "V-1001/1/2026-01-01/1", contractNo: "V-1001", positionNo: 1, validFrom: "2026-01-01", articleNo: "M365-BP", description: "Business Premium", quantity: "12", unitPrice: "20.60", discountPct: "0", vatPct: "19", seq: 1, source: "master-00001" },
    { id: "V-1001/1/2026-03-15/2", contractNo: "V-1001", positionNo: 1, validFrom: "2026-03-15", articleNo: "M365-BP", description: "Business Premium", quantity: "14.5", unitPrice: "20.600000000000000001", discountPct: "2.50", vatPct: "19", vendorKey: "CFQ7TTC0LCHC:0002", seq: 2, source: "apply-00001" },
    { id: "V-1002/2/2025-10-15/3", contractNo: "V-1002", positionNo: 2, validFrom: "2025-10-15", articleNo: "SUPPORT", description: "Managed Service „Basis“", quantity: "0", unitPrice: "-5.00", discountPct: "0", vatPct: "7", seq: 3 },
  ],
  mappings: [
    { id: "customer|microsoft-nce-invoice|8f2e0c4a-1b2c-4d5e-9f00-aabbccddeeff", kind: "customer", source: "microsoft-nce-invoice", externalId: "8f2e0c4a-1b2c-4d5e-9f00-aabbccddeeff", internalNo: "10001", origin: "import:mappings.csv" },
    { id: "article|*|CFQ7TTC0LCHC:0002", kind: "article", source: "*", externalId: "CFQ7TTC0LCHC:0002", internalNo: "M365-BP" },
    { id: "customer|*|TENANT-2", kind: "customer", source: "*", externalId: "TENANT-2", internalNo: "10002" },
  ],
  profiles: [{ id: "pax8", name: "Pax8 Rechnung", json: '{"id":"pax8","name":"Pax8 Rechnung","columns":{}}' }],
  importBatches: [
    { id: "master-00001", kind: "import-master", createdAt: "2026-11-01T08:00:00.000Z", files: [{ name: "verträge.csv", sha256: "ab".repeat(32) }], versionIds: ["V-1001/1/2026-01-01/1"], details: { kinds: ["contracts"] }, undo: [{ table: "contractVersions", key: "V-1001/1/2026-01-01/1" }, { table: "customers", key: "10001", before: { no: "10001", name: "Alt" } }] },
    { id: "apply-00001", kind: "apply-review", createdAt: "2026-11-02T09:30:00.000Z", files: [], profileId: "microsoft-nce-invoice", versionIds: [], undoneAt: "2026-11-03T10:00:00.000Z" },
  ],
  runs: [
    { id: "run-00001", month: "2026-10", createdAt: "2026-11-01T10:00:00.000Z", invoiceDate: "2026-11-01", invoiceRefs: ["RE-000001", "RE-000002"], firstInvoiceNumber: 1 },
    { id: "run-00002", month: "2026-11", createdAt: "2026-12-01T10:00:00.000Z", invoiceDate: "2026-12-01", invoiceRefs: [], undoneAt: "2026-12-01T11:00:00.000Z" },
  ],
  invoices: [
    {
      invoiceRef: "RE-000001", runId: "run-00001", seqInRun: 0, invoiceDate: "2026-11-01", customerNo: "10001", customerName: "Müller GmbH", documentType: "invoice",
      lines: [{ lineNo: 1, lineType: "recurring", contractNo: "V-1001", positionNo: 1, articleNo: "M365-BP", description: "Business Premium", serviceFrom: "2026-10-01", serviceTo: "2026-10-31", quantity: "12", unitPrice: "20.60", discountPct: "0", periodFactor: "1", netAmount: "247.20", exactAmount: "247.20000000000000000000", vatPct: "19" }],
      vatTotals: [{ vatPct: "19", net: "247.20", vat: "46.97", gross: "294.17" }], netTotal: "247.20", vatTotal: "46.97", grossTotal: "294.17",
      ledgerHash: "9c1c01dc3ef0ac5b2ebe8e3bbcd5c2a1e5a3d2c7e4b6f8a0c1d2e3f405162738",
    },
    {
      invoiceRef: "RE-000002", runId: "run-00001", seqInRun: 1, invoiceDate: "2026-11-01", customerNo: "10002", customerName: "Schulz & Söhne KG", documentType: "correction",
      lines: [], vatTotals: [], netTotal: "-10.00", vatTotal: "-1.90", grossTotal: "-11.90",
    },
  ],
  ledger: [
    { id: "run-00001:RE-000001:1:2026-10", runId: "run-00001", invoiceRef: "RE-000001", lineNo: 1, contractNo: "V-1001", positionNo: 1, month: "2026-10", serviceFrom: "2026-10-01", serviceTo: "2026-10-31", articleNo: "M365-BP", description: "Business Premium", quantity: "12", unitPrice: "20.60", discountPct: "0", vatPct: "19", exactAmount: "247.20000000000000000000", roundedAmount: "247.20", lineType: "recurring" },
    { id: "run-00001:RE-000002:1:2026-09", runId: "run-00001", invoiceRef: "RE-000002", lineNo: 1, contractNo: "V-1002", positionNo: 2, month: "2026-09", serviceFrom: "2026-09-15", serviceTo: "2026-09-30", articleNo: "SUPPORT", description: "Differenz", quantity: "-2", unitPrice: "5.00", discountPct: "0", vatPct: "7", exactAmount: "-5.33333333333333333333", roundedAmount: "-5.33", lineType: "difference", correctsRef: "RE-000000" },
  ],
  billingState: [{ contractNo: "V-1001", settledThrough: "2026-10" }],
  timeEntries: [
    { id: "t-aaa", ticketNo: "T-1", customerNo: "10001", date: "2026-11-03", start: "09:00", end: "10:10", minutes: 70, technician: "Jörg", activity: "remote", billable: true, description: "VPN eingerichtet", source: { file: "zeiten.csv", row: 2, profile: "generic" }, contentHash: "c1" },
    { id: "t-bbb", ticketNo: "T-2", customerNo: "10002", contractNo: "V-2001", date: "2026-10-30", minutes: 15, technician: "Ann", activity: "", billable: false, description: "", aggregate: true, externalId: "Z-99", source: { file: "z.csv", row: 3, profile: "zammad", batchId: "time-00001" },
      billing: { runId: "run-00001", invoiceRef: "RE-000002", contractNo: "V-2001", unitMinutes: 15, units: 1, included: 0, contingent: 1, charged: 0, lineNos: [], flatFeeKeys: [] } },
  ],
  meterReadings: [{ id: "DEV-1|2026-10-31", deviceId: "DEV-1", customerNo: "10002", contractNo: "V-2001", readingDate: "2026-10-31", counterBw: 123456789012, counterColor: 0, source: { file: "zähler.csv", row: 2, batchId: "meters-00001" } }],
  usageMarks: [{ runId: "run-00001", invoiceRef: "RE-000002", contractNo: "V-2001", month: "2026-10", lineNos: [2, 3], readingIds: ["DEV-1|2026-10-31"] }],
  purchaseContracts: [
    { id: "purchase:EK-1", kind: "contract", purchaseNo: "EK-1", supplier: "Hoster AG", supplierRef: "" },
    { id: "purchase:EK-1/1/2026-01-01/4", kind: "position", purchaseNo: "EK-1", supplier: "Hoster AG", positionNo: 1, validFrom: "2026-01-01", articleNo: "DOMAIN", description: "Domain", object: "müller.de", quantity: "1", unitCost: "1.00", interval: "annual", seq: 4, source: "purchase-00001" },
  ],
  purchaseLinks: [{ id: "EK-1/1>V-1001/1", purchaseNo: "EK-1", purchasePositionNo: 1, contractNo: "V-1001", positionNo: 1, source: "links-00001" }],
  counters: [{ name: "invoice", value: 3 }, { name: "versionSeq", value: 5 }],
  settings: [
    { key: "invoicePrefix", value: "RE-" },
    { key: "company", value: { name: "IT-Service Nord GmbH", address: "Weg 2\n20095 Hamburg", nested: { list: [1, "zwei", null, true] } } },
    { key: "exportProfile:lexware", value: { id: "lexware", columns: ["a"] } },
  ],
  mandates: [{ customerNo: "10002", mandateRef: "MANDAT-10002-1", signatureDate: "2024-01-15", iban: "DE89370400440532013000", scheme: "CORE", debtorName: "Schulz & Söhne KG", amendments: [{ mandateRef: "ALT-1", from: "2023-01-01" }] }],
  collections: [{ id: "MSG-1|RE-000001", invoiceRef: "RE-000001", customerNo: "10001", messageId: "MSG-1", collectionDate: "2026-11-05", amount: "294.17", sequenceType: "FRST", scheme: "CORE" }],
  usageRecords: [
    { id: "ms|8f2e0c4a|azure-vm|EUR|2026-10", month: "2026-10", customerNo: "10001", batchId: "usage-00001", quantity: "0.005001", cost: "12.3456", decision: "approve", billing: { runId: "run-00001", invoiceRef: "RE-000001", lineNo: 2 } },
    { id: "ms|8f2e0c4a|azure-sql|EUR|2026-10", month: "2026-10", quantity: "3", cost: "1.00" },
  ],
  auditLog: [
    { seq: 1, at: "2026-11-01T08:00:00.000Z", kind: "customer.add", source: "master-00001", entity: "customer:10001", after: { no: "10001", name: "Müller GmbH" } },
    { seq: 2, at: "2026-11-01T08:00:00.000Z", kind: "settings.update", source: "manual", entity: "setting:company", before: { a: 1 }, after: { a: 2 }, user: "anna" },
  ],
};
