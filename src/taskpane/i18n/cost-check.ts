/** Task pane strings of the area "costCheck", German and English (composed in ../i18n.ts). */
export interface CostCheckStrings {
  title: string;
  intro: string;
  month: string;
  openFile: string;
  checking(name: string): string;
  rows: string;
  findings: Record<string, string>;
}

export const de: CostCheckStrings = {
  title: "Kostenprüfung",
  intro: "Distributor-Abrechnung gegen Verträge, Einkaufspreise und abgerechnete Beträge des Monats; schreibt „Kostenprüfung JJJJ-MM“.",
  month: "Monat",
  openFile: "Datei prüfen …",
  checking: (name) => `${name} wird geprüft`,
  rows: "Zeilen",
  findings: { ok: "In Ordnung", unbilled: "Nicht abgerechnet", quantity_drift: "Mengenabweichung", negative_margin: "Negative Marge" },
};

export const en: CostCheckStrings = {
  title: "Cost check",
  intro: "A distributor billing file against the contracts, purchase costs and billed amounts of the month; writes \u201cCost check YYYY-MM\u201d.",
  month: "Month",
  openFile: "Check file …",
  checking: (name) => `Checking ${name}`,
  rows: "Rows",
  findings: { ok: "OK", unbilled: "Not billed", quantity_drift: "Quantity drift", negative_margin: "Negative margin" },
};
