import type { AppContext, InputFile } from "../../src/app/context";
import type { ExportProfile } from "../../src/io/export/custom-csv/profile";
import { testStore } from "./fixtures-store";

/** A fixed clock for tests. */
export const FIXED_NOW = "2026-11-23T10:00:00.000Z";

/** A fresh in-memory store with a fixed clock. */
export async function testContext(): Promise<AppContext> {
  return { store: await testStore(), now: () => FIXED_NOW };
}

/** A small valid export profile: one row per invoice, its number (`BelegNr`) and gross (`Brutto`). */
export function exportProfileNamed(id: string, name: string): ExportProfile {
  const columns: ExportProfile["columns"] = [
    { source: "invoice_ref", header: "BelegNr" },
    { source: "gross_total", header: "Brutto" },
  ];
  return { id, version: 1, name, delimiter: ";", decimal: ",", dateFormat: "DD.MM.YYYY", encoding: "utf-8", level: "invoice", columns };
}

/** A file from text (UTF-8). */
export function textFile(name: string, text: string): InputFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export const ARTICLES_CSV = [
  "article_no,description,unit_price,vat_pct,unit,purchase_price",
  "M365-BP,Microsoft 365 Business Premium,20.60,19,Lizenz,16.50",
  "M365-E3,Microsoft 365 E3,33.70,19,Lizenz,",
  "MS-BASIC,Managed Service Basic,49.00,19,,",
  "BOOK,Handbuch,12.00,7,,",
].join("\n");

/** Contracts CSV in the German style (`;`, decimal comma, DD.MM.YYYY) with a position history. */
export const CONTRACTS_CSV_DE = [
  "customer_no;customer_name;contract_no;contract_type;billing_interval;billing_mode;contract_start;contract_end;position_no;article_no;description;quantity;unit_price;discount_pct;vat_pct;valid_from",
  "10001;Müller GmbH;V-1001;license;monthly;advance;01.01.2026;;1;M365-BP;Microsoft 365 Business Premium;10;20,60;0;19;01.01.2026",
  "10001;Müller GmbH;V-1001;license;monthly;advance;01.01.2026;;1;M365-BP;Microsoft 365 Business Premium;12;20,60;0;19;15.03.2026",
  "10001;Müller GmbH;V-1001;license;monthly;advance;01.01.2026;;2;M365-E3;;3;33,70;10;19;",
  "10002;Schmidt & Söhne KG;V-2001;managed_service;quarterly;arrears;2026-02-15;2026-12-31;1;MS-BASIC;Managed Service Basic;1;49,00;0;19;2026-02-15",
].join("\r\n");

export const MAPPINGS_CSV = [
  "kind,source,external_id,internal_no",
  "customer,ms-nce,3f2b8c1e-9a7d-4e5f-8b6a-1c2d3e4f5a6b,10001",
  "article,ms-nce,CFQ7TTC0LCHC:0002,M365-BP",
  "article,*,0001,BOOK",
].join("\n");
