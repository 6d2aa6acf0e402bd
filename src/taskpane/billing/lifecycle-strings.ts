/** Pane strings of the invoice lifecycle step of the Abrechnung area (Festschreiben, Stornieren, E-Rechnungen), per language. */
import type { Language } from "../i18n";
import type { ReleasedCounts } from "../../app/cancel-invoice";

export interface LifecycleStrings {
  title: string;
  intro: string;
  state: string;
  /** The run picker: label, and one entry per billing run (newest first). */
  draft: string;
  issued: (at: string, by: string) => string;
  /** What issued a run (RunRecord.issuedBy). */
  issuedBy: Record<string, string>;
  finalizeButton: string;
  finalizeTitle: string;
  finalizeText: (run: string, invoices: number) => string;
  finalizeYes: string;
  finalized: (run: string, invoices: number) => string;
  cancelTitle: string;
  cancelInvoice: string;
  cancelChoose: string;
  cancelOption: (ref: string, customer: string, amount: string) => string;
  cancelledOption: (ref: string, customer: string, by: string) => string;
  cancelDate: string;
  cancelReason: string;
  cancelReasonHint: string;
  /** The reason as the confirmation repeats it. */
  cancelReasonConfirm: (reason: string) => string;
  cancelButton: string;
  cancelNeedsIssued: string;
  cancelConfirmTitle: string;
  cancelConfirmText: (ref: string, customer: string, amount: string, date: string) => string;
  cancelYes: string;
  cancelled: (ref: string, storno: string, amount: string) => string;
  /** The picker's entry for every open invoice of the run at once. */
  cancelAllOption: (count: number, amount: string) => string;
  cancelAllConfirmText: (run: string, count: number, amount: string, date: string) => string;
  cancelledAll: (count: number, first: string, last: string, run: string) => string;
  /** What the cancellation gave back to the next run ("" when nothing besides recurring months). */
  releasedNote: (r: ReleasedCounts) => string;
  zipTitle: string;
  zipButton: string;
  zipHint: string;
  zipSaved: (name: string, files: number) => string;
  zipSkipped: (refs: string) => string;
  zipIssued: (run: string) => string;
  zipEmpty: (refs: string) => string;
  undoDraftTitle: string;
  undoDraftText: (run: string, month: string, invoices: number, numbers: string) => string;
  undoIssuedTitle: string;
  undoIssuedText: (run: string, at: string, by: string) => string;
  undoToCancel: string;
  undoLoading: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** A count that is left out when zero. */
const plural0 = (n: number, one: string, many: string) => (n === 0 ? "" : plural(n, one, many));
/** " Label: a, b." of the parts that are not empty; "" when all are. */
const listNote = (label: string, parts: string[]) => {
  const shown = parts.filter((p) => p !== "");
  return shown.length === 0 ? "" : ` ${label}: ${shown.join(", ")}.`;
};

export const lifecycleStrings: Record<Language, LifecycleStrings> = {
  de: {
    title: "Festschreiben und Storno",
    intro: "Ein Lauf ist ein Entwurf, bis er festgeschrieben ist – ausdrücklich hier oder durch den ersten Export, Druck oder die erste E-Rechnung. Festgeschriebene Rechnungen bleiben unverändert (GoBD); korrigiert wird mit einer Stornorechnung.",
    state: "Status",
    draft: "Entwurf (kann rückgängig gemacht werden)",
    issued: (at, by) => `festgeschrieben am ${at} (${by})`,
    issuedBy: { finalize: "Festschreiben", export: "Export", documents: "Druck", einvoice: "E-Rechnung", cancellation: "Storno" },
    finalizeButton: "Festschreiben …",
    finalizeTitle: "Lauf festschreiben?",
    finalizeText: (run, n) =>
      `Die ${plural(n, "Rechnung", "Rechnungen")} von ${run} werden endgültig: Nummern und Beträge ändern sich nicht mehr, der Lauf kann nicht mehr rückgängig gemacht werden. Fehler werden danach mit einer Stornorechnung korrigiert. Frühere Entwürfe werden mit festgeschrieben.`,
    finalizeYes: "Festschreiben",
    finalized: (run, n) => `${run} festgeschrieben: ${plural(n, "Rechnung", "Rechnungen")}.`,
    cancelTitle: "Rechnung stornieren",
    cancelInvoice: "Rechnung",
    cancelChoose: "Rechnung wählen …",
    cancelOption: (ref, customer, amount) => `${ref} – ${customer} – ${amount}`,
    cancelledOption: (ref, customer, by) => `${ref} – ${customer} – storniert durch ${by}`,
    cancelDate: "Datum der Stornorechnung",
    cancelReason: "Grund (optional)",
    cancelReasonHint: "Steht auf der Stornorechnung und im Protokoll, z. B. „falscher Abrechnungsmonat“.",
    cancelReasonConfirm: (reason) => ` Grund auf der Stornorechnung: „${reason}“.`,
    cancelButton: "Stornieren …",
    cancelNeedsIssued: "Stornieren geht bei festgeschriebenen Läufen. Einen Entwurf macht man stattdessen rückgängig.",
    cancelConfirmTitle: "Stornorechnung erstellen?",
    cancelConfirmText: (ref, customer, amount, date) =>
      `Für ${ref} (${customer}, ${amount}) wird eine Stornorechnung mit der nächsten Rechnungsnummer und dem Datum ${date} erstellt und sofort festgeschrieben. Ihre Monate, Zeiten, Klicks und Verbräuche gelten danach als nicht abgerechnet (Kontingent und Pauschalen kommen zurück): der nächste Lauf rechnet sie ab, wie Vertrag und Zeiten dann stehen.`,
    cancelYes: "Stornorechnung erstellen",
    cancelled: (ref, storno, amount) => `${ref} storniert: Stornorechnung ${storno} über ${amount}.`,
    cancelAllOption: (count, amount) => `Alle ${count} offenen Rechnungen dieses Laufs – ${amount}`,
    cancelAllConfirmText: (run, count, amount, date) =>
      `Für alle ${count} noch nicht stornierten Rechnungen von ${run} (zusammen ${amount}) werden Stornorechnungen mit den nächsten Rechnungsnummern erstellt, datiert auf ${date}, in einem Stornolauf, und sofort festgeschrieben. Ihre Monate, Zeiten, Klicks und Verbräuche gelten dann als nicht abgerechnet: der nächste Lauf rechnet sie so ab, wie Verträge und Zeiten dann stehen.`,
    cancelledAll: (count, first, last, run) => `${count} Rechnungen storniert: Stornorechnungen ${first} bis ${last} im Lauf ${run} (exportieren wie jeden Lauf).`,
    releasedNote: (r) =>
      listNote("Wieder offen für den nächsten Lauf", [plural0(r.timeEntries, "Zeiteintrag", "Zeiteinträge"), plural0(r.clickMonths, "Klickmonat", "Klickmonate"), plural0(r.usageRecords, "Verbrauch", "Verbräuche")]),
    zipTitle: "E-Rechnungen",
    zipButton: "E-Rechnungen herunterladen",
    zipHint: "Eine ZIP-Datei mit der E-Rechnung jeder Rechnung und Stornorechnung des Laufs im Format des Kunden (XRechnung CII oder UBL, ZUGFeRD-PDF). Ein Entwurf wird dabei festgeschrieben.",
    zipSaved: (name, n) => `${name} gespeichert: ${plural(n, "E-Rechnung", "E-Rechnungen")}.`,
    zipSkipped: (refs) => `Ohne E-Rechnung (Kunde mit Format „none“): ${refs}.`,
    zipIssued: (run) => `${run} ist damit festgeschrieben.`,
    zipEmpty: (refs) => `Kein Kunde dieses Laufs erhält eine E-Rechnung (Format „none“: ${refs}); es wurde nichts gespeichert und nichts festgeschrieben.`,
    undoDraftTitle: "Entwurf rückgängig machen?",
    undoDraftText: (run, month, n, numbers) =>
      `${run} (${month}) ist ein Entwurf. Rückgängig machen löscht seine ${plural(n, "Rechnung", "Rechnungen")} und Buchungen; die Rechnungsnummern ${numbers} werden zurückgegeben und vom nächsten Lauf wieder vergeben. Das Protokoll behält den Vorgang.`,
    undoIssuedTitle: "Lauf ist festgeschrieben",
    undoIssuedText: (run, at, by) =>
      `${run} wurde am ${at} festgeschrieben (${by}). Festgeschriebene Rechnungen dürfen nicht gelöscht werden (GoBD), deshalb gibt es hier kein Rückgängig. Eine falsche Rechnung stornieren Sie mit einer Stornorechnung; der nächste Lauf rechnet die Monate dann neu ab.`,
    undoToCancel: "Zum Stornieren",
    undoLoading: "Lauf wird gelesen …",
  },
  en: {
    title: "Issue and cancel",
    intro: "A run is a draft until it is issued — here, or by its first export, print or e-invoice. Issued invoices never change (GoBD); corrections go by a cancellation invoice.",
    state: "State",
    draft: "draft (can be undone)",
    issued: (at, by) => `issued on ${at} (${by})`,
    issuedBy: { finalize: "issue", export: "export", documents: "print", einvoice: "e-invoice", cancellation: "cancellation" },
    finalizeButton: "Issue …",
    finalizeTitle: "Issue the run?",
    finalizeText: (run, n) =>
      `The ${plural(n, "invoice", "invoices")} of ${run} become final: numbers and amounts no longer change and the run can no longer be undone. Mistakes are corrected by a cancellation invoice afterwards. Earlier drafts are issued with it.`,
    finalizeYes: "Issue",
    finalized: (run, n) => `${run} issued: ${plural(n, "invoice", "invoices")}.`,
    cancelTitle: "Cancel an invoice",
    cancelInvoice: "Invoice",
    cancelChoose: "Choose an invoice …",
    cancelOption: (ref, customer, amount) => `${ref} – ${customer} – ${amount}`,
    cancelledOption: (ref, customer, by) => `${ref} – ${customer} – cancelled by ${by}`,
    cancelDate: "Date of the cancellation invoice",
    cancelReason: "Reason (optional)",
    cancelReasonHint: "Printed on the cancellation invoice (in German documents as „Grund“) and kept in the log, e.g. “wrong billing month”.",
    cancelReasonConfirm: (reason) => ` Reason on the cancellation invoice: “${reason}”.`,
    cancelButton: "Cancel invoice …",
    cancelNeedsIssued: "Invoices of an issued run can be cancelled. A draft is undone instead.",
    cancelConfirmTitle: "Write a cancellation invoice?",
    cancelConfirmText: (ref, customer, amount, date) =>
      `For ${ref} (${customer}, ${amount}) a cancellation invoice with the next invoice number, dated ${date}, is written and issued at once. Its months, time, clicks and usage then count as not billed (contingent hours and flat fees come back): the next run bills them as the contract and the time entries stand then.`,
    cancelYes: "Write cancellation invoice",
    cancelled: (ref, storno, amount) => `${ref} cancelled: cancellation invoice ${storno}, ${amount}.`,
    cancelAllOption: (count, amount) => `All ${count} open invoices of this run – ${amount}`,
    cancelAllConfirmText: (run, count, amount, date) =>
      `For all ${count} invoices of ${run} not cancelled yet (${amount} together) cancellation invoices with the next invoice numbers, dated ${date}, are written in one cancellation run and issued at once. Their months, time, clicks and usage then count as not billed: the next run bills them as the contracts and time entries stand then.`,
    cancelledAll: (count, first, last, run) => `${count} invoices cancelled: cancellation invoices ${first} to ${last} in run ${run} (export it like any run).`,
    releasedNote: (r) => listNote("Open again for the next run", [plural0(r.timeEntries, "time entry", "time entries"), plural0(r.clickMonths, "click month", "click months"), plural0(r.usageRecords, "usage record", "usage records")]),
    zipTitle: "E-invoices",
    zipButton: "Download e-invoices",
    zipHint: "One ZIP file with the e-invoice of every invoice and cancellation of the run in the customer's format (XRechnung CII or UBL, ZUGFeRD PDF). A draft is issued by it.",
    zipSaved: (name, n) => `${name} saved: ${plural(n, "e-invoice", "e-invoices")}.`,
    zipSkipped: (refs) => `No e-invoice (customer format "none"): ${refs}.`,
    zipIssued: (run) => `${run} is issued now.`,
    zipEmpty: (refs) => `No customer of this run gets an e-invoice (format "none": ${refs}); nothing was saved or issued.`,
    undoDraftTitle: "Undo the draft?",
    undoDraftText: (run, month, n, numbers) =>
      `${run} (${month}) is a draft. Undo deletes its ${plural(n, "invoice", "invoices")} and ledger entries; the invoice numbers ${numbers} are given back and used again by the next run. The audit log keeps the record.`,
    undoIssuedTitle: "The run is issued",
    undoIssuedText: (run, at, by) =>
      `${run} was issued on ${at} (${by}). Issued invoices must not be deleted (GoBD), so there is no undo. Cancel a wrong invoice with a cancellation invoice; the next run then bills the months again.`,
    undoToCancel: "Go to cancellation",
    undoLoading: "Reading the run …",
  },
};
