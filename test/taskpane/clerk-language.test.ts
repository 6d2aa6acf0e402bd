/**
 * The pane speaks the clerk's language: no command-line options (`--company`), no command names
 * (`export-settings`), no JSON field names in parentheses (`(taxNumber)`) and no profile ids
 * (`time-generic`) in its texts or in the core messages it words its own way.
 */
import { issue } from "../../src/core/issues";
import { stringsFor } from "../../src/taskpane/i18n";
import { flowStrings } from "../../src/taskpane/i18n/flow";
import { exportIssueStrings } from "../../src/taskpane/billing/export-issue-strings";
import { lifecycleStrings } from "../../src/taskpane/billing/lifecycle-strings";
import { sepaStrings } from "../../src/taskpane/billing/sepa-strings";
import { templateStrings } from "../../src/taskpane/components/common/template-strings";
import { de as connectionDe, en as connectionEn } from "../../src/taskpane/connection/connection-strings";
import { teamBackupStrings } from "../../src/taskpane/master/team-backup-strings";
import { profileEditorStrings } from "../../src/taskpane/reconcile/profile-editor-strings";
import { contractExtrasStrings } from "../../src/taskpane/settings/contract-extras-strings";
import { exportProfileDeleteStrings } from "../../src/taskpane/settings/export-profile-delete-strings";
import { extraFormsStrings } from "../../src/taskpane/settings/extra-forms-strings";
import { settingsStrings } from "../../src/taskpane/settings/settings-strings";
import { describeIssue, paneMessageText } from "../../src/taskpane/issues";

/** Every text of a strings object: plain strings, and functions called with sample arguments. */
function texts(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") {
    const f = value as (...a: unknown[]) => unknown;
    const out: [string, string][] = [];
    for (const args of [Array(6).fill(2), Array(6).fill("X-1")]) {
      try {
        out.push(...texts(f(...args), `${path}()`));
      } catch {
        // a function that wants other arguments: its literal parts are checked through the others
      }
    }
    return out;
  }
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
  return [];
}

const CLI_OR_JSON = [/(^|\s)--[a-z]/, /\(`?[a-z]+[A-Z][A-Za-z.]*`?\)/, /\bexport-settings\b|\bexport-profile\b/, /\btime-(generic|zammad|connectwise)\b/, /\bREADME\b/];

const ALL = {
  strings: { de: stringsFor("de"), en: stringsFor("en") },
  flowStrings,
  exportIssueStrings,
  lifecycleStrings,
  sepaStrings,
  templateStrings,
  connection: { de: connectionDe, en: connectionEn },
  teamBackupStrings,
  profileEditorStrings,
  contractExtrasStrings,
  exportProfileDeleteStrings,
  extraFormsStrings,
  settingsStrings,
};

describe("pane texts in the clerk's language", () => {
  it("no pane string names a command-line option, a command, a JSON field in parentheses, a profile id or the README", () => {
    const all = texts(ALL);
    expect(all.length).toBeGreaterThan(500);
    const bad = all.filter(([, t]) => CLI_OR_JSON.some((re) => re.test(t)));
    expect(bad).toEqual([]);
  });

  it("core messages the pane words its own way leave out the options and field names the CLI's text has", () => {
    const codes: [string, Record<string, string | number>][] = [
      ["company.tax_id_required", {}],
      ["csv.vendor_file_not_master", { profile: "Microsoft NCE" }],
      ["billing.einvoice_no_company", { run: "run-00001" }],
      ["export.no_datev_config", {}],
      ["export.no_company", {}],
      ["datev.no_debtor", { invoice: "R-1", customer: "10001" }],
      ["datev.no_revenue_account", { invoice: "R-1", rate: "19" }],
      ["time.no_profile", { headers: "a, b" }],
      ["time.date_required", { profile: "time-zammad" }],
      ["sepa.settings_missing", {}],
      ["sepa.run_already_exported", { run: "run-00001", count: 2 }],
    ];
    for (const lang of ["de", "en"] as const) {
      for (const [code, params] of codes) {
        const text = describeIssue(issue(code, params), lang);
        expect([code, CLI_OR_JSON.filter((re) => re.test(text)).map(String), /revenueAccounts|defaultDebtor|debtorFromCustomerNo/.test(text)]).toEqual([code, [], false]);
        expect(text).not.toContain("{");
      }
    }
    expect(paneMessageText(issue("company.tax_id_required"), "de")).toBe("Firmenangaben: Steuernummer oder USt-IdNr. angeben; eine davon ist Pflichtangabe jeder Rechnung (§ 14 Abs. 4 Nr. 2 UStG).");
    // Under its field: the value and what was expected, not "Feld iban".
    expect(paneMessageText(issue("company.field_invalid", { field: "iban", value: "DE00", expected: "expect.iban" }), "de", true)).toMatch(/^„DE00“ ist ungültig \(erwartet eine IBAN/);
  });

  it("a time import names the profile by a readable name, not its id", () => {
    expect(stringsFor("de").usage.timeProfile("time-generic", "Generic time entries (ticket_no, …)")).toBe("Allgemeines Format (Vorlage „Zeiten“)");
    expect(stringsFor("en").usage.timeProfile("time-generic", "Generic time entries (ticket_no, …)")).toBe('Generic format (template "Time entries")');
    expect(stringsFor("de").usage.timeProfile("halo", "HaloPSA")).toBe("HaloPSA");
  });
});
