/**
 * The mapping sheet *Zuordnung* (PRODUCT.md §3 step 2): one row per vendor customer or vendor
 * article the store cannot map, with drop-downs of our customers and articles and a suggestion by
 * name similarity (pre-filled when it is nearly certain). Read back, every filled row becomes an
 * accepted `unmapped_*` review decision, so saving goes through the same apply path as the review
 * (one undoable batch, mappings remembered per source).
 */
import type { Article, Customer } from "../../core/contract/model";
import type { IsoDate } from "../../core/date/iso-date";
import { Issue, issue } from "../../core/issues";
import type { ReviewDecision } from "../../core/reconcile/plan-apply";
import type { ReviewRow } from "../../core/reconcile/review-row";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { cellOf, toHeaderTable, missingColumns } from "../../io/table/header-table";
import type { RawTable } from "../../io/table/raw-table";
import { unneutralizeFormula } from "../../io/table/write-csv";
import type { Language } from "../i18n";
import { bestMatch, type Candidate } from "../../core/reconcile/similarity";

export const MAPPING_SHEET = "Zuordnung";
export const MAPPING_TABLE = "Zuordnung";
export const MAPPING_COLUMNS = ["kind", "source", "external_id", "vendor_name", "suggestion", "customer_no", "article_no", "vendor_rows"] as const;
const REQUIRED = ["kind", "source", "external_id", "customer_no", "article_no"] as const;

/** Suggestions at or above this score are pre-filled (the user still reviews and saves them). */
export const PREFILL_SCORE = 0.85;
/** Suggestions below this score are not shown. */
export const SUGGEST_SCORE = 0.4;

export type MappingKind = "customer" | "article";

/** One vendor id that needs a mapping. */
export interface MappingNeed {
  kind: MappingKind;
  /** Mapping source: the profile id of the file. */
  source: string;
  externalId: string;
  vendorName: string;
  /** Vendor file rows behind it. */
  rows: number[];
}

/** The distinct vendor customers and articles of the unmapped review rows. */
export function mappingNeeds(rows: readonly ReviewRow[]): MappingNeed[] {
  const needs = new Map<string, MappingNeed>();
  const add = (kind: MappingKind, source: string, externalId: string, vendorName: string, lines: readonly number[]) => {
    if (!externalId) return;
    const key = `${kind}|${source}|${externalId}`;
    const n = needs.get(key);
    if (n) n.rows.push(...lines);
    else needs.set(key, { kind, source, externalId, vendorName, rows: [...lines] });
  };
  for (const r of rows) {
    if (r.status === "unmapped_customer") for (const id of r.externalCustomerId.split(" ").filter(Boolean)) add("customer", r.source, id, r.vendorCustomerName, r.rows);
    if (r.status === "unmapped_article") for (const id of r.externalArticleId.split(" ").filter(Boolean)) add("article", r.source, id, r.vendorArticleName, r.rows);
  }
  const list = [...needs.values()];
  for (const n of list) n.rows = [...new Set(n.rows)].sort((a, b) => a - b);
  return list.sort((a, b) => (a.kind === b.kind ? a.externalId.localeCompare(b.externalId) : a.kind === "customer" ? -1 : 1));
}

/** A drop-down entry: `10001 – Müller GmbH`. */
export function listItem(no: string, name: string): string {
  return name ? `${no} – ${name}` : no;
}

/** The number in a cell holding a drop-down entry or a bare number. */
export function numberOfItem(text: string): string {
  const t = unneutralizeFormula(text.trim());
  const dash = t.indexOf(" – ");
  return (dash >= 0 ? t.slice(0, dash) : t).trim();
}

const KIND_LABELS: Record<Language, Record<MappingKind, string>> = {
  de: { customer: "Kunde", article: "Artikel" },
  en: { customer: "customer", article: "article" },
};

export interface MappingSheet {
  rows: SheetCell[][];
  options: WriteTableOptions;
  customers: number;
  articles: number;
  prefilled: number;
}

/** The mapping sheet's rows and write options (drop-downs, column kinds). */
export function mappingSheet(needs: readonly MappingNeed[], customers: readonly Customer[], articles: readonly Article[], language: Language): MappingSheet {
  const customerItems = [...customers].sort((a, b) => a.no.localeCompare(b.no, undefined, { numeric: true })).map((c) => listItem(c.no, c.name));
  const articleItems = [...articles].sort((a, b) => a.no.localeCompare(b.no, undefined, { numeric: true })).map((a) => listItem(a.no, a.description));
  const customerCandidates: Candidate[] = customers.map((c) => ({ no: c.no, texts: [c.name, ...(c.domain ? [c.domain] : [])] }));
  const articleCandidates: Candidate[] = articles.map((a) => ({ no: a.no, texts: [a.description, a.no] }));
  const byNo = { customer: new Map(customers.map((c) => [c.no, listItem(c.no, c.name)])), article: new Map(articles.map((a) => [a.no, listItem(a.no, a.description)])) };
  let prefilled = 0;
  const body = needs.map((n) => {
    const match = bestMatch(n.vendorName, n.kind === "customer" ? customerCandidates : articleCandidates);
    const shown = match && match.score >= SUGGEST_SCORE ? match : null;
    const item = shown ? byNo[n.kind].get(shown.no) ?? shown.no : "";
    const suggestion = shown ? `${item} (${Math.round(shown.score * 100)} %)` : "";
    const fill = shown && shown.score >= PREFILL_SCORE ? item : "";
    if (fill) prefilled++;
    return [KIND_LABELS[language][n.kind], n.source, n.externalId, n.vendorName, suggestion, n.kind === "customer" ? fill : "", n.kind === "article" ? fill : "", n.rows.join(" ")];
  });
  const kinds: Record<string, ColumnKind> = { source: "id", external_id: "id", customer_no: "id", article_no: "id", vendor_rows: "text" };
  return {
    rows: [[...MAPPING_COLUMNS], ...body],
    options: {
      tableName: MAPPING_TABLE,
      columns: kinds,
      validation: [
        { column: "customer_no", list: customerItems },
        { column: "article_no", list: articleItems },
      ],
      replace: true,
    },
    customers: needs.filter((n) => n.kind === "customer").length,
    articles: needs.filter((n) => n.kind === "article").length,
    prefilled,
  };
}

/**
 * Reads a filled mapping sheet back (by header names; rows may be sorted or filtered). A row whose
 * number cell for its kind is filled becomes an accepted decision; empty rows are left out.
 */
export function readMappingSheet(raw: RawTable, effectiveDate: IsoDate): { decisions: ReviewDecision[]; issues: Issue[]; open: number } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { decisions: [], issues, open: 0 };
  const missing = missingColumns(table, REQUIRED);
  if (missing.length > 0) return { decisions: [], issues: [...issues, ...missing], open: 0 };
  const decisions: ReviewDecision[] = [];
  let open = 0;
  for (const { row, cells } of table.rows) {
    const get = (c: string) => unneutralizeFormula(cellOf(table, cells, c));
    const kindText = get("kind").toLowerCase();
    const kind: MappingKind | null = kindText === "customer" || kindText === "kunde" ? "customer" : kindText === "article" || kindText === "artikel" ? "article" : null;
    if (!kind) {
      issues.push(issue("pane.invalid_kind", { value: get("kind") }, { source: table.source, row, column: "kind" }));
      continue;
    }
    const number = numberOfItem(get(kind === "customer" ? "customer_no" : "article_no"));
    if (!number) {
      open++;
      continue;
    }
    const externalId = get("external_id");
    decisions.push({
      source: table.source,
      row,
      status: kind === "customer" ? "unmapped_customer" : "unmapped_article",
      action: "accept",
      customerNo: kind === "customer" ? number : "",
      contractNo: "",
      positionNo: null,
      articleNo: kind === "article" ? number : "",
      externalCustomerId: kind === "customer" ? externalId : "",
      externalArticleId: kind === "article" ? externalId : "",
      mappingSource: get("source") || "*",
      contractQty: null,
      positionQty: null,
      vendorQty: "0",
      effectiveDate,
    });
  }
  return { decisions, issues, open };
}
