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
  {
    name: "msp/esm-js",
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: nodeGlobals },
  },
]);
