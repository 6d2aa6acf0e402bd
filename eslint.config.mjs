// ESLint 9 flat config: `npx eslint src test` (npm run lint).
// - @eslint/js + typescript-eslint "recommended" (no type-aware rules: fast, and no rule that flags
//   ordinary strict TypeScript; `tsc --noEmit` does the type checking).
// - eslint-plugin-office-addins: its bundled flat configs also switch on prettier and react rules, so
//   only its Office.js rules are registered here, for src/ (where host code lives; tests use fakes).
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

/** Node globals for the plain-JS scripts under test/ (e.g. the browser smoke test). */
const nodeGlobals = Object.fromEntries(
  [
    "require", "module", "exports", "process", "console", "__dirname", "__filename", "Buffer",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "URL", "URLSearchParams",
    "TextEncoder", "TextDecoder", "structuredClone", "AbortController", "fetch", "globalThis", "queueMicrotask",
  ].map((name) => [name, "readonly"]),
);

/** Browser globals code passed to page.evaluate / addInitScript may use inside JS test scripts. */
const browserGlobals = Object.fromEntries(["window", "document", "navigator", "getComputedStyle", "Office", "CustomFunctions"].map((n) => [n, "readonly"]));

/**
 * Layers (DEVELOPERS.md "Architecture"), enforced here rather than remembered: each entry forbids
 * imports of the named folders/packages from files of one layer.
 */
const layer = (name, files, groups, message) => ({
  name: `msp/layer-${name}`,
  files,
  rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: groups, message }] }] },
});
const STORE_INTERNALS = ["**/store/dexie/*", "**/store/sql/*", "**/store/node/*", "**/store/repos", "**/store/row-access", "**/store/watermark", "dexie", "kysely", "pg", "better-sqlite3", "fake-indexeddb"];

export default defineConfig([
  {
    ignores: ["dist/**", "build/**", "coverage/**", "node_modules/**", "reports/**", ".tmp/**", "test/e2e/screenshots/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: "msp/all",
    rules: {
      "no-empty": ["error", { allowEmptyCatch: true }],
      // Style, not bugs: reported, never blocking.
      "prefer-const": "warn",
      "no-useless-escape": "warn",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "after-used",
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/no-explicit-any": "warn",
      // Comma statements (`if (x) a(), b();`) are a style choice in parts of the tree: warn only.
      "@typescript-eslint/no-unused-expressions": ["warn", { allowShortCircuit: true, allowTernary: true, allowTaggedTemplates: true }],
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-expect-error": "allow-with-description", "ts-ignore": true }],
    },
  },
  {
    name: "msp/office-addins",
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-navigational-load": "warn",
      // Chunked writes sync once per chunk on purpose (payload limits); review each hit, don't forbid.
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-office-initialize": "error",
    },
  },
  {
    name: "msp/tests",
    files: ["test/**/*.{ts,tsx,js,cjs,mjs}"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    name: "msp/plain-js",
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...nodeGlobals, ...browserGlobals } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  layer("core", ["src/core/**/*.ts"], ["**/io/*", "**/io/**", "**/store/*", "**/store/**", "**/app/*", "**/app/**", "**/excel/**", "**/taskpane/**", "**/cli/**", "**/functions/**", "**/server/**", "dexie", "react", "node:*", "@microsoft/*"], "src/core is pure domain: it imports only src/core."),
  layer("io", ["src/io/**/*.ts"], ["**/store/*", "**/store/**", "**/app/*", "**/app/**", "**/excel/**", "**/taskpane/**", "**/cli/**", "**/functions/**", "**/server/**", "dexie", "node:*"], "src/io imports only src/core (and npm packages that run in the browser)."),
  layer("app", ["src/app/**/*.ts"], ["**/excel/**", "**/taskpane/**", "**/cli/**", "**/functions/**", "**/server/**", ...STORE_INTERNALS], "src/app talks to the store port (store/port, records, settings, tables, backup), never to an adapter or a host."),
  layer("hosts", ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.ts", "src/commands/**/*.ts"], STORE_INTERNALS, "hosts reach the store through src/app use cases; only the composition root (store/browser-db) builds it."),
  layer("cli", ["src/cli/**/*.ts"], ["**/store/dexie/*", "**/store/sql/*", "**/store/repos", "**/store/row-access", "**/store/watermark", "dexie", "kysely", "pg", "better-sqlite3", "fake-indexeddb", "**/taskpane/**", "**/excel/**"], "the CLI opens its store through store/node (its composition root) and works through src/app."),
  {
    name: "msp/esm-js",
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: nodeGlobals },
  },
]);
