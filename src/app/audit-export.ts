import { documentTitle } from "../core/billing/invoice";
import { auditObjectText, auditSourceText, auditText } from "../core/messages";
import { INVOICE_VOCABULARY } from "../io/sheets/invoice-words";
import { vocabularyWord } from "../io/table/sheet-vocabulary";
import type { IsoDate } from "../core/date/iso-date";
import { type Result, ok } from "../core/issues";
import type { AuditColumn, AuditTable, AuditValue, ExportFile, GdpduOptions } from "../io/audit-export/audit-table";
import { writeGdpduExport } from "../io/audit-export/write-gdpdu";
import { berlinDateAndTime } from "../io/time/date-time";
import type { LedgerEntry } from "../core/billing/ledger";
import type { AuditRecord, StoredInvoice } from "../store/records";
import type { AppContext } from "./context";

const text = (name: string, description?: string): AuditColumn => ({ name, type: { kind: "text" }, ...(description ? { description } : {}) });
const num = (name: string, decimals: number): AuditColumn => ({ name, type: { kind: "numeric", decimals } });
const date = (name: string): AuditColumn => ({ name, type: { kind: "date" } });
const opt = (v: string | number | undefined | null): AuditValue => (v === undefined || v === null ? null : String(v));
/**
 * Decimals of a column holding exact figures (quantities, prices, unrounded amounts): as many as the
 * longest value has, at least two, so nothing the ledger keeps is cut off for the auditor.
 */
const places = (values: readonly string[]): number => Math.max(2, ...values.map((v) => (v.includes(".") ? v.length - v.indexOf(".") - 1 : 0)));
/**
 * A column of exact figures: numeric with as many decimals as needed, or, past the 10 decimals the
 * export writer allows (an unrounded pro-rata amount has up to 20), text with the value as stored.
 */
const exact = (name: string, values: readonly string[]): AuditColumn => {
  const n = places(values);
  return n <= 10 ? num(name, n) : text(name, "exakter Wert, Dezimalpunkt");
};

/** A code column kept beside its German words for a machine reader (the stored value, as the hash chain covers it). */
const code = (name: string, of: string): AuditColumn => text(name, `Programmkennung (gespeicherter Wert) zu ${of}`);
/** A line type as the "CSV deutsch" export words it (*Laufend*, *Differenz*, *Nachberechnung* …). */
const lineTypeWord = (lineType: string, catchUp?: boolean): string => vocabularyWord(INVOICE_VOCABULARY, "line_type", catchUp ? "catch_up" : lineType, "de");
const LINE_TYPES = "Laufend, Nachberechnung (laufend für einen früher fälligen Zeitraum), Differenz (Korrektur), Zeit, Pauschale, Klicks, Verbrauch";

const inPeriod = (d: string, from: IsoDate, to: IsoDate): boolean => d.slice(0, 10) >= from && d.slice(0, 10) <= to;

/**
 * A stored moment (UTC ISO text) as three columns for the auditor: the German date (a GDPdU Date,
 * DD.MM.YYYY) and clock time (HH:MM:SS) in Europe/Berlin, which IDEA filters and sorts, and the exact
 * UTC text the hash chain covers (which also tells the repeated hour of the change from summer time apart).
 */
const moment = (prefix: string, dateName: string, timeName: string): AuditColumn[] => [
  date(dateName),
  text(timeName, "Uhrzeit in deutscher Zeit (Europe/Berlin, MEZ/MESZ), HH:MM:SS"),
  text(`${prefix}_UTC`, "Zeitpunkt wie gespeichert (ISO 8601, UTC)"),
];
const momentValues = (iso: string | undefined): AuditValue[] => {
  if (iso === undefined) return [null, null, null];
  const local = berlinDateAndTime(iso);
  return [local?.date ?? null, local?.time ?? null, iso];
};
/** The German (Europe/Berlin) day of a stored moment: what decides the period a log entry belongs to, as its Datum column shows it. */
const berlinDay = (iso: string): string => berlinDateAndTime(iso)?.date ?? iso.slice(0, 10);

/**
 * The auditor export (GDPdU / Z3 data access) of a period: every invoice dated in it (issued and
 * draft, with its status and hash), its lines, the ledger entries of those invoices, and the audit
 * log entries made in it (with their hash chain), as the tables of the description standard; the
 * files are CSV plus index.xml (see io/audit-export/write-gdpdu.ts). Always in German (the auditor is):
 * line types, document types and the audit log's kind, source and object are German words; the
 * stored codes follow in `*_Code` columns at the end of a table. Stored UTC moments (an audit entry's,
 * an invoice's issuing) are German date, clock time and the UTC text; an audit entry belongs to the
 * period by its German date. Undone runs are left out (their invoices never existed). Reads only.
 */
export async function auditExportTables(ctx: AppContext, from: IsoDate, to: IsoDate): Promise<AuditTable[]> {
  return ctx.store.read(async (tx) => {
    const invoices: { inv: StoredInvoice; issuedAt: string | undefined }[] = [];
    const ledger: LedgerEntry[] = [];
    for (const run of await tx.runs.all()) {
      if (run.undoneAt) continue;
      const own = (await tx.invoices.ofRun(run.id)).filter((i) => inPeriod(i.invoiceDate, from, to));
      if (own.length === 0) continue;
      for (const inv of own) invoices.push({ inv, issuedAt: run.issuedAt });
      const refs = new Set(own.map((i) => i.invoiceRef));
      ledger.push(...(await tx.ledger.ofRun(run.id)).filter((e) => refs.has(e.invoiceRef)));
    }
    invoices.sort((a, b) => a.inv.invoiceRef.localeCompare(b.inv.invoiceRef));
    ledger.sort((a, b) => a.invoiceRef.localeCompare(b.invoiceRef) || a.lineNo - b.lineNo || a.id.localeCompare(b.id));
    const audit: AuditRecord[] = [];
    await tx.audit.forEach((e) => void (inPeriod(berlinDay(e.at), from, to) && audit.push(e)));
    const validity = { from, to };
    const allLines = invoices.flatMap(({ inv }) => inv.lines);

    const invoiceTable: AuditTable = {
      fileName: "rechnungen.csv",
      name: "Rechnungen",
      description: "Rechnungen und Stornorechnungen (Kopfdaten)",
      validity,
      primaryKeyColumns: 1,
      columns: [
        text("Rechnungsnummer"), date("Rechnungsdatum"), text("Kundennummer"), text("Kundenname"), text("Belegart", "Rechnung, Rechnungskorrektur oder Stornorechnung"),
        text("Storniert_Rechnung"), text("Stornogrund"), text("Storniert_durch"), text("Status"), ...moment("Festgeschrieben", "Festgeschrieben_am", "Festgeschrieben_um"), text("Abrechnungslauf"),
        num("Netto", 2), num("USt", 2), num("Brutto", 2), num("Kettenposition", 0), text("Hash_Vorgaenger"), text("Hash"), code("Belegart_Code", "Belegart (invoice, correction)"),
      ],
      rows: invoices.map(({ inv, issuedAt }) => [
        inv.invoiceRef, inv.invoiceDate, inv.customerNo, inv.customerName, documentTitle(inv),
        opt(inv.cancels?.number), opt(inv.cancels?.reason), opt(inv.cancelledBy), issuedAt ? "festgeschrieben" : "Entwurf", ...momentValues(issuedAt), inv.runId,
        inv.netTotal, inv.vatTotal, inv.grossTotal, opt(inv.chainSeq), opt(inv.prevHash), opt(inv.hash), inv.documentType,
      ]),
    };
    const lineTable: AuditTable = {
      fileName: "rechnungspositionen.csv",
      name: "Rechnungspositionen",
      description: "Positionen der Rechnungen",
      validity,
      primaryKeyColumns: 2,
      foreignKeys: [{ columns: ["Rechnungsnummer"], references: "Rechnungen" }],
      columns: [
        text("Rechnungsnummer"), num("Position", 0), text("Art", LINE_TYPES), text("Vertrag"), num("Vertragsposition", 0), text("Artikel"), text("Beschreibung"),
        date("Leistung_von"), date("Leistung_bis"), exact("Menge", allLines.map((l) => l.quantity)), exact("Einzelpreis", allLines.map((l) => l.unitPrice)),
        exact("Rabatt_Prozent", allLines.map((l) => l.discountPct)), num("Netto", 2), exact("USt_Prozent", allLines.map((l) => l.vatPct)), text("Korrigiert_Rechnung"), code("Art_Code", "Art"),
      ],
      rows: invoices.flatMap(({ inv }) =>
        inv.lines.map((l) => [
          inv.invoiceRef, String(l.lineNo), lineTypeWord(l.lineType, l.catchUp), l.contractNo, String(l.positionNo), l.articleNo, l.description,
          l.serviceFrom, l.serviceTo, l.quantity, l.unitPrice, l.discountPct, l.netAmount, l.vatPct, opt(l.correctsRef), l.lineType,
        ]),
      ),
    };
    const ledgerTable: AuditTable = {
      fileName: "abrechnungsjournal.csv",
      name: "Abrechnungsjournal",
      description: "Abgerechnete Leistungen je Vertragsposition und Monat (Ledger)",
      validity,
      primaryKeyColumns: 1,
      foreignKeys: [{ columns: ["Rechnungsnummer"], references: "Rechnungen" }],
      columns: [
        text("Buchungs_ID"), text("Rechnungsnummer"), num("Position", 0), text("Abrechnungslauf"), text("Vertrag"), num("Vertragsposition", 0), text("Monat"),
        date("Leistung_von"), date("Leistung_bis"), text("Artikel"), text("Beschreibung"), exact("Menge", ledger.map((e) => e.quantity)),
        exact("Einzelpreis", ledger.map((e) => e.unitPrice)), exact("Rabatt_Prozent", ledger.map((e) => e.discountPct)),
        exact("USt_Prozent", ledger.map((e) => e.vatPct)), exact("Betrag_exakt", ledger.map((e) => e.exactAmount)), num("Betrag", 2), text("Art", "Laufend oder Differenz (Korrektur)"), text("Korrigiert_Rechnung"), text("Storniert_Rechnung"), code("Art_Code", "Art"),
      ],
      rows: ledger.map((e) => [
        e.id, e.invoiceRef, String(e.lineNo), e.runId, e.contractNo, String(e.positionNo), e.month, e.serviceFrom, e.serviceTo, e.articleNo, e.description,
        e.quantity, e.unitPrice, e.discountPct, e.vatPct, e.exactAmount, e.roundedAmount, lineTypeWord(e.lineType), opt(e.correctsRef), opt(e.cancelsRef), e.lineType,
      ]),
    };
    const auditTable: AuditTable = {
      fileName: "protokoll.csv",
      name: "Protokoll",
      description: "Änderungsprotokoll (hash-verkettet)",
      validity,
      primaryKeyColumns: 1,
      columns: [
        num("Nr", 0), ...moment("Zeitpunkt", "Datum", "Uhrzeit"), text("Vorgang", "Der Vorgang als Satz"), text("Quelle", "Abrechnungslauf, Stapel, Datei-Hash (sha256:…) oder manuell"),
        text("Objekt"), text("Benutzer"), text("Vorher", "Gespeicherter Stand vorher (JSON, Feldnamen des Programms)"), text("Nachher", "Gespeicherter Stand nachher (JSON, Feldnamen des Programms)"),
        text("Hash_Vorgaenger"), text("Hash"), code("Vorgang_Code", "Vorgang"), code("Quelle_Code", "Quelle"), code("Objekt_Code", "Objekt"),
      ],
      rows: audit.map((e) => [
        opt(e.seq), ...momentValues(e.at), auditText(e, "de"), auditSourceText(e.source, "de"), auditObjectText(e.entity, "de"), opt(e.user),
        e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after), opt(e.prevHash), opt(e.hash),
        e.kind, e.source, e.entity,
      ]),
    };
    return [invoiceTable, lineTable, ledgerTable, auditTable];
  });
}

/** The auditor export's files (CSV per table and index.xml), or the issues naming table, row and column. */
export async function auditExport(ctx: AppContext, from: IsoDate, to: IsoDate, options: GdpduOptions): Promise<Result<{ files: ExportFile[]; rows: Record<string, number> }>> {
  const tables = await auditExportTables(ctx, from, to);
  const r = writeGdpduExport(tables, options);
  if (!r.ok) return r;
  return ok({ files: r.value.files, rows: Object.fromEntries(tables.map((t) => [t.name, t.rows.length])) });
}
