/**
 * Guard: in server mode the pane's store is a ServerStore that holds only the lookup data, so a pane
 * step that calls a src/app use case directly works locally but fails on a team server. Every value
 * import from src/app in src/taskpane and src/functions must therefore be
 * - one of the pane's use cases through src/taskpane/connection/use-cases.ts (not imported from src/app), or
 * - a pure helper on {@link PURE_HELPERS} (no store; checked: its parameters name no AppContext), or
 * - machinery of the connection itself ({@link CONNECTION_MACHINERY}), or
 * - on {@link STILL_LOCAL}: steps another branch moves to the server; the lead empties it at merge.
 * No pane file reads or writes the store itself (`.store.read(` / `.store.write(`) either.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "../..");
const APP = join(ROOT, "src/app");

/** Pure helpers of src/app a host may call directly: module (under src/app, no extension) → names. */
const PURE_HELPERS: Record<string, readonly string[]> = {
  context: ["sha256Hex", "fileSha256"],
  "export-invoices": ["localTimestamp", "parseExportFormat"],
  backup: ["readBackup"],
  "cancel-invoice": ["sumReleased"],
  "invoice-list": ["invoiceListTable"],
};

/**
 * The connection's own machinery (these files ARE the server-mode routing, or work on whatever store
 * the pane has: the lookup index reads the ServerStore's lookup snapshot). File → module → names.
 */
const CONNECTION_MACHINERY: Record<string, Record<string, readonly string[]>> = {
  // Backup bookkeeping and restore decide local vs. server themselves (markBackedUp, restoreBackupFile).
  "src/taskpane/connection/use-cases.ts": { "pane-calls": ["PANE_CALLS"], backup: ["markBackedUp"], restore: ["restoreStore"] },
  "src/taskpane/connection/server-connection.ts": { "pane-calls": ["decodeCallJson", "encodeCallJson"] },
  "src/taskpane/connection/use-connection.ts": { "lookup/lookup-index": ["lookupIndexCache"] },
  "src/taskpane/index.tsx": { "lookup/lookup-index": ["lookupIndexCache", "noteStoreChanged"] },
  "src/functions/store-access.ts": { "lookup/lookup-index": ["lookupIndexCache"] },
};

/**
 * STILL LOCAL: pane steps that still call src/app directly, so they fail in server mode. They are
 * moved to the server on the branch issue-21-pane-b (time, meters, usage, rules, settings, profiles,
 * backup, restore); the lead empties this list when merging it. File → names imported from src/app.
 */
const STILL_LOCAL: Record<string, readonly string[]> = {
};

/** This branch's steps (Einkauf, lifecycle, SEPA): they run on the server and must never be on STILL_LOCAL. */
const ON_THE_SERVER = [
  "src/taskpane/components/purchase/PurchaseArea.tsx",
  "src/taskpane/components/purchase/PriceSection.tsx",
  "src/taskpane/components/purchase/CostCheckSection.tsx",
  "src/taskpane/billing/lifecycle.ts",
  "src/taskpane/billing/sepa-export.ts",
  "src/taskpane/billing/mandates-sheet.ts",
  "src/taskpane/components/billing/SepaSection.tsx",
  "src/taskpane/components/billing/LifecycleSection.tsx",
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

interface AppImport {
  file: string;
  module: string;
  name: string;
  line: number;
}

/** The value imports (and re-exports) from src/app of one file; type-only ones are left out. */
function appImports(path: string): AppImport[] {
  const text = readFileSync(path, "utf8");
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const file = relative(ROOT, path);
  const out: AppImport[] = [];
  const appModule = (spec: string): string | null => {
    if (!spec.startsWith(".")) return null;
    const target = resolve(dirname(path), spec);
    return target.startsWith(APP + "/") ? relative(APP, target) : null;
  };
  const add = (spec: ts.Expression | undefined, names: string[], node: ts.Node) => {
    if (!spec || !ts.isStringLiteral(spec)) return;
    const module = appModule(spec.text);
    if (module === null) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    for (const name of names) out.push({ file, module, name, line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      if (clause && !clause.isTypeOnly) {
        const names: string[] = [];
        if (clause.name) names.push("default");
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push("*");
        if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) if (!el.isTypeOnly) names.push((el.propertyName ?? el.name).text);
        add(node.moduleSpecifier, names, node);
      } else if (!clause) add(node.moduleSpecifier, ["(side effect)"], node);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly) {
      const clause = node.exportClause;
      const names = !clause ? ["*"] : ts.isNamedExports(clause) ? clause.elements.filter((el) => !el.isTypeOnly).map((el) => (el.propertyName ?? el.name).text) : ["*"];
      add(node.moduleSpecifier, names, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], ["(dynamic import)"], node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const files = [...sourceFiles(join(ROOT, "src/taskpane")), ...sourceFiles(join(ROOT, "src/functions"))];
const imports = files.flatMap(appImports);

const allowed = (i: AppImport) =>
  PURE_HELPERS[i.module]?.includes(i.name) || CONNECTION_MACHINERY[i.file]?.[i.module]?.includes(i.name) || STILL_LOCAL[i.file]?.includes(i.name);

describe("server mode: no pane step calls src/app around the team server", () => {
  it("finds the imports it guards (the scan works)", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(imports.some((i) => i.file === "src/taskpane/connection/use-cases.ts" && i.module === "pane-calls" && i.name === "PANE_CALLS")).toBe(true);
    // A type-only import is no call: not listed.
    expect(imports.some((i) => i.name === "AppContext")).toBe(false);
  });

  it("every value import from src/app is a use case via connection/use-cases.ts, a pure helper, the connection's machinery, or STILL_LOCAL", () => {
    const offending = imports.filter((i) => !allowed(i)).map((i) => `${i.file}:${i.line} imports ${i.name} from src/app/${i.module} — route it through src/taskpane/connection/use-cases.ts (PANE_CALLS)`);
    expect(offending).toEqual([]);
  });

  it("no pane file reads or writes the store itself", () => {
    const direct = files
      .filter((f) => !relative(ROOT, f).startsWith("src/taskpane/connection/"))
      .flatMap((f) => readFileSync(f, "utf8").split("\n").map((line, n) => [relative(ROOT, f), n + 1, line] as const))
      .filter(([, , line]) => /\.store\.(read|write)\(/.test(line))
      .map(([f, n]) => `${f}:${n}`);
    expect(direct).toEqual([]);
  });

  it("the pure helpers take no AppContext (they cannot reach the store)", () => {
    for (const [module, names] of Object.entries(PURE_HELPERS)) {
      const text = readFileSync(join(APP, `${module}.ts`), "utf8");
      for (const name of names) {
        const m = new RegExp(`export (?:async )?function ${name}(?:<[^>]*>)?\\(([^)]*)\\)`).exec(text);
        expect([module, name, m !== null]).toEqual([module, name, true]);
        expect([module, name, /AppContext|ctx\b/.test(m![1]!)]).toEqual([module, name, false]);
      }
    }
  });

  it("STILL_LOCAL holds only imports that still exist (it shrinks as steps move), and none of this branch's steps", () => {
    const stale = Object.entries(STILL_LOCAL).flatMap(([file, names]) => names.filter((n) => !imports.some((i) => i.file === file && i.name === n && !PURE_HELPERS[i.module]?.includes(n))).map((n) => `${file}: ${n}`));
    expect(stale).toEqual([]);
    expect(ON_THE_SERVER.filter((f) => f in STILL_LOCAL)).toEqual([]);
    expect(imports.filter((i) => ON_THE_SERVER.includes(i.file) && !PURE_HELPERS[i.module]?.includes(i.name))).toEqual([]);
  });
});
