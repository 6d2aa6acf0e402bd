/**
 * The mapping sheet *Zuordnung* (PRODUCT.md §3 step 2): one row per vendor customer or vendor
 * article the store cannot map, with drop-downs of our customers and articles and the suggestion by
 * name similarity (computed in src/core/reconcile/mapping-suggestions.ts; pre-filled when it is
 * nearly certain). Read back, every filled row becomes an accepted `unmapped_*` review decision, so
 * saving goes through the same apply path as the review (one undoable batch, mappings remembered
 * per source).
 */
import type { MappingProposal } from "../../app/mapping-proposal";
import type { IsoDate } from "../../core/date/iso-date";
import { Issue, issue } from "../../core/issues";
import type { ReviewDecision } from "../../core/reconcile/plan-apply";
import type { MappingKind } from "../../core/reconcile/mapping-suggestions";
import type { ColumnKind, SheetCell, WriteTableOptions } from "../../excel/gateway";
import { cellOf, toHeaderTable, missingColumns } from "../../io/table/header-table";
import type { RawTable } from "../../io/table/raw-table";
import { canonicalTable, localizeTable, type SheetVocabulary, vocabularyHeader, withUserColumns } from "../../io/table/sheet-vocabulary";
import { unneutralizeFormula } from "../../io/table/write-csv";
import type { Language } from "../i18n";
import { sheetName } from "../../io/table/sheet-names";
import { tableNameFor } from "../../excel/names";

/** `Zuordnung` / `Mapping` (read back under either name: src/taskpane/find-sheet.ts). */
export function mappingSheetName(language: Language): string {
  return sheetName("mapping", language);
}

/** The mapping table's name: the sheet's name as a table name (`Zuordnung`, `Mapping`). */
export function mappingTableName(language: Language): string {
  return tableNameFor(mappingSheetName(language));
}
export const MAPPING_COLUMNS = ["kind", "source", "external_id", "vendor_name", "suggestion", "customer_no", "article_no", "vendor_rows"] as const;
const REQUIRED = ["kind", "source", "external_id", "customer_no", "article_no"] as const;

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

/** German headers and the kind words; read back in either language. */
export const MAPPING_VOCABULARY: SheetVocabulary = {
  headers: {
    kind: "Art",
    source: "Quelle",
    external_id: "Externe ID",
    vendor_name: "Name beim Lieferanten",
    suggestion: "Vorschlag",
    customer_no: "Kundennummer",
    article_no: "Artikelnummer",
    vendor_rows: "Zeilen Lieferant",
  },
  words: { kind: { customer: { de: "Kunde", en: "Customer" }, article: { de: "Artikel", en: "Article" } } },
};

export interface MappingSheet {
  rows: SheetCell[][];
  options: WriteTableOptions;
  customers: number;
  articles: number;
  prefilled: number;
}

/** The mapping sheet's rows and write options (drop-downs, column kinds) for a mapping proposal. */
export function mappingSheet(proposal: MappingProposal, language: Language): MappingSheet {
  const { needs, suggestions, customers, articles } = proposal;
  const customerItems = [...customers].sort((a, b) => a.no.localeCompare(b.no, undefined, { numeric: true })).map((c) => listItem(c.no, c.name));
  const articleItems = [...articles].sort((a, b) => a.no.localeCompare(b.no, undefined, { numeric: true })).map((a) => listItem(a.no, a.description));
  const byNo = { customer: new Map(customers.map((c) => [c.no, listItem(c.no, c.name)])), article: new Map(articles.map((a) => [a.no, listItem(a.no, a.description)])) };
  let prefilled = 0;
  const body = needs.map((n, k) => {
    const shown = suggestions[k] ?? null;
    const item = shown ? (byNo[n.kind].get(shown.no) ?? shown.no) : "";
    const suggestion = shown ? `${item} (${Math.round(shown.score * 100)} %)` : "";
    const fill = shown?.prefill ? item : "";
    if (fill) prefilled++;
    return [n.kind, n.source, n.externalId, n.vendorName, suggestion, n.kind === "customer" ? fill : "", n.kind === "article" ? fill : "", n.rows.join(" ")];
  });
  const header = (c: string) => vocabularyHeader(MAPPING_VOCABULARY, c, language);
  const kinds: Record<string, ColumnKind> = { [header("source")]: "id", [header("external_id")]: "id", [header("customer_no")]: "id", [header("article_no")]: "id", [header("vendor_rows")]: "text" };
  return {
    rows: localizeTable(MAPPING_VOCABULARY, [[...MAPPING_COLUMNS], ...body], language),
    options: {
      tableName: mappingTableName(language),
      columns: kinds,
      validation: [
        { column: header("customer_no"), list: customerItems },
        { column: header("article_no"), list: articleItems },
      ],
      replace: true,
    },
    customers: needs.filter((n) => n.kind === "customer").length,
    articles: needs.filter((n) => n.kind === "article").length,
    prefilled,
  };
}

/**
 * Reads a filled mapping sheet back (by header names, German or English; rows may be sorted or
 * filtered). A row whose number cell for its kind is filled becomes an accepted decision; empty rows
 * are left out. Issues name the columns as the sheet has them.
 */
export function readMappingSheet(raw: RawTable, effectiveDate: IsoDate): { decisions: ReviewDecision[]; issues: Issue[]; open: number } {
  const canonical = canonicalTable(MAPPING_VOCABULARY, raw);
  const read = readCanonical(canonical.raw, effectiveDate);
  return { ...read, issues: withUserColumns(MAPPING_VOCABULARY, read.issues, canonical) };
}

function readCanonical(raw: RawTable, effectiveDate: IsoDate): { decisions: ReviewDecision[]; issues: Issue[]; open: number } {
  const { table, issues } = toHeaderTable(raw);
  if (!table) return { decisions: [], issues, open: 0 };
  const missing = missingColumns(table, REQUIRED);
  if (missing.length > 0) return { decisions: [], issues: [...issues, ...missing], open: 0 };
  const decisions: ReviewDecision[] = [];
  let open = 0;
  for (const { row, cells } of table.rows) {
    const get = (c: string) => unneutralizeFormula(cellOf(table, cells, c));
    const kindText = get("kind");
    const kind: MappingKind | null = kindText === "customer" || kindText === "article" ? kindText : null;
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
