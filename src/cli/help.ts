import type { Command } from "./cli-io";

type Lang = "de" | "en";

/**
 * One example per command; the `samples/` files are real (the README's CLI section uses them), other
 * file names stand for the clerk's own files. Keyed by command name; a command without an entry is
 * a test failure (test/cli/help).
 */
export const EXAMPLES: Record<string, string> = {
  "import-master": "msp-billing import-master --workspace ws.db samples/articles.csv samples/contracts.csv samples/mappings.csv",
  "export-master": "msp-billing export-master --workspace ws.db --out contracts-out.csv --articles articles-out.csv",
  "reconcile": "msp-billing reconcile --workspace ws.db --file samples/nce-2026-10.csv --out review-2026-10.xlsx",
  "apply": "msp-billing apply --workspace ws.db --review review-2026-10.xlsx",
  "bill": "msp-billing bill --workspace ws.db --period 2026-10 --invoice-date 2026-11-02 --out invoices-2026-10.csv",
  "undo": "msp-billing undo --workspace ws.db --batch apply-00001",
  "backup": "msp-billing backup --workspace ws.db --out backup.json",
  "restore": "msp-billing restore --workspace ws-new.db backup.json",
  "profile add": "msp-billing profile add --workspace ws.db my-vendor-profile.json",
  "profile list": "msp-billing profile list --workspace ws.db",
  "profile export": "msp-billing profile export --workspace ws.db --out profiles.json",
  "profile import": "msp-billing profile import --workspace ws.db profiles.json",
  "purchase import": "msp-billing purchase import --workspace ws.db purchase.csv",
  "links import": "msp-billing links import --workspace ws.db links.csv",
  "links report": "msp-billing links report --workspace ws.db --out links.xlsx",
  "price-update": "msp-billing price-update --workspace ws.db --article M365-BP --new-cost 17.20 --from 2027-01-01 --strategy keep-margin --out proposal.csv",
  "cost-check": "msp-billing cost-check --workspace ws.db --file samples/nce-2026-10.csv --period 2026-10 --out cost-check.csv",
  "export": "msp-billing export --workspace ws.db --run run-00001 --format datev --out EXTF_Buchungsstapel.csv",
  "export-settings": "msp-billing export-settings --workspace ws.db --datev-config datev.json --company company.json",
  "export-profile import": "msp-billing export-profile import --workspace ws.db export-profiles.json",
  "export-profile export": "msp-billing export-profile export --workspace ws.db --out export-profiles.json",
  "export-profile list": "msp-billing export-profile list --workspace ws.db",
  "export-profile delete": "msp-billing export-profile delete --workspace ws.db --id sage-buchungen",
  "time import": "msp-billing time import --workspace ws.db samples/time.csv",
  "time profile": "msp-billing time profile list --workspace ws.db",
  "time balance": "msp-billing time balance --workspace ws.db --contract V-4001 --period 2026-10",
  "time review": "msp-billing time review --workspace ws.db --period 2026-10 --out time-review.xlsx",
  "time approve": "msp-billing time approve --workspace ws.db time-review.xlsx",
  "meters import": "msp-billing meters import --workspace ws.db samples/meters.csv",
  "meters review": "msp-billing meters review --workspace ws.db --period 2026-10 --out meters-review.xlsx",
  "rules set": "msp-billing rules set --workspace ws.db samples/rules.json",
  "rules show": "msp-billing rules show --workspace ws.db",
  "finalize": "msp-billing finalize --workspace ws.db --run run-00001",
  "cancel-invoice": "msp-billing cancel-invoice --workspace ws.db --invoice RE-000001 --date 2026-11-10",
  "verify": "msp-billing verify --workspace ws.db",
  "runs": "msp-billing runs --workspace ws.db",
  "invoices": "msp-billing invoices --workspace ws.db --customer 10001 --from 2026-01-01 --to 2026-12-31",
  "einvoice": "msp-billing einvoice --workspace ws.db --run run-00001 --format xrechnung-cii --out e-invoices",
  "export-audit": "msp-billing export-audit --workspace ws.db --from 2026-01-01 --to 2026-12-31 --out audit-2026",
  "sepa": "msp-billing sepa --workspace ws.db --run run-00001 --collection-date 2026-11-10 --out sepa-2026-10.xml --report sepa-report.csv",
  "sepa settings": "msp-billing sepa settings --workspace ws.db sepa.json",
  "mandates import": "msp-billing mandates import --workspace ws.db mandates.csv",
  "mandates export": "msp-billing mandates export --workspace ws.db --out mandates.csv",
  "usage import": "msp-billing usage import --workspace ws.db --file samples/nce-2026-10.csv",
  "usage rules": "msp-billing usage rules --workspace ws.db usage-rules.json",
  "usage review": "msp-billing usage review --workspace ws.db --period 2026-10 --out usage-review.xlsx",
  "usage approve": "msp-billing usage approve --workspace ws.db usage-review.xlsx",
  "serve": "msp-billing serve --database postgres://msp@localhost/msp --cors-origin https://localhost:3000",
  "user add": "msp-billing user add --name ada --role admin --database postgres://msp@localhost/msp",
  "push": "msp-billing push --from ws.db --database postgres://msp@localhost/msp",
  "login": "msp-billing login --server https://msp.example.de --user clara",
};

const WORDS = {
  de: {
    usage: "Aufruf",
    example: "Beispiel",
    commands: "Befehle",
    exitCodes: "Rückgabewerte: 0 Erfolg, 1 Fehler, 2 Aufruffehler",
    more: "Hilfe zu einem Befehl: msp-billing <Befehl> --help · Sprache: --lang de|en (sonst LANG)\nTeam-Datenbestand statt --workspace: --database postgres://… (MSP_BILLING_DATABASE) oder --server URL --token T (MSP_BILLING_SERVER, MSP_BILLING_TOKEN; Token von: msp-billing login)",
    unknown: (name: string) => `unbekannter Befehl „${name}“`,
    didYouMean: (names: string[]) => `Meinten Sie ${names.map((n) => `„${n}“`).join(" oder ")}?`,
    badLang: (v: string) => `--lang „${v}“: erlaubt sind de und en`,
  },
  en: {
    usage: "usage",
    example: "example",
    commands: "commands",
    exitCodes: "exit codes: 0 success, 1 error, 2 usage error",
    more: "help on one command: msp-billing <command> --help · language: --lang de|en (else LANG)\nteam store instead of --workspace: --database postgres://… (MSP_BILLING_DATABASE) or --server URL --token T (MSP_BILLING_SERVER, MSP_BILLING_TOKEN; token from: msp-billing login)",
    unknown: (name: string) => `unknown command "${name}"`,
    didYouMean: (names: string[]) => `Did you mean ${names.map((n) => `"${n}"`).join(" or ")}?`,
    badLang: (v: string) => `--lang "${v}": use de or en`,
  },
} satisfies Record<Lang, unknown>;

export const cliWords = (lang: Lang) => WORDS[lang];

/** The overview of all commands. */
export function overview(commands: readonly Command[], lang: Lang): string {
  const w = WORDS[lang];
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `${w.usage}: msp-billing <command> [options] [--lang de|en]\n\n${w.commands}:\n${lines.join("\n")}\n\n${w.exitCodes}\n${w.more}\n`;
}

/** The help of one command: usage, summary and an example. */
export function commandHelp(command: Command, lang: Lang): string {
  const w = WORDS[lang];
  const example = EXAMPLES[command.name];
  return `${w.usage}: msp-billing ${command.usage}\n\n  ${command.summary}\n${example ? `\n${w.example}:\n  ${example}\n` : ""}`;
}

/** Edit distance (insert, delete, substitute, swap of neighbours) for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/**
 * Command names close to a mistyped one: within a third of its length in edits, or a command whose
 * first word is the typed word (`time` → the `time …` commands). Best first, at most three.
 */
export function suggestCommands(typed: string, names: readonly string[]): string[] {
  const t = typed.toLowerCase();
  const firstWords = new Set(names.map((n) => n.split(" ")[0]!));
  const candidates = [...new Set([...names, ...firstWords])];
  const scored = candidates
    .map((n) => ({ n, d: distance(t, n.toLowerCase()) }))
    .filter(({ n, d }) => d > 0 && d <= Math.max(1, Math.floor(Math.max(t.length, n.length) / 3)))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n));
  const prefixed = names.filter((n) => n.startsWith(`${t} `));
  return [...new Set([...scored.map((s) => s.n), ...prefixed])].slice(0, 3);
}
