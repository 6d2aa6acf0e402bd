/**
 * The custom-function metadata (functions.json, and the German functions-de.json) is generated from
 * the JSDoc in src/functions/functions.ts and functions.de.ts by custom-functions-metadata (the same
 * generator the webpack plugin runs). These tests read the sources independently with the TypeScript
 * compiler API and check that every @customfunction got an entry with the documented id, name,
 * description, parameter types and optional flags; that the German file describes exactly the same
 * functions; and that built dist/functions*.json files match freshly generated metadata.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functionsModule from "../../src/functions/functions";

const ROOT = resolve(__dirname, "../..");
const SOURCE = join(ROOT, "src/functions/functions.ts");
const SOURCE_DE = join(ROOT, "src/functions/functions.de.ts");

/** Every function the add-in offers (PRODUCT.md §7 and issue 7), in source order. */
const EXPECTED_IDS = ["PRORATE", "QTY", "PRICE", "CONTRACT", "BILLED", "MARGIN", "VERSION", "NEXTBILL"];

interface MetadataParameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters: MetadataParameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  functions: MetadataFunction[];
}

interface DocumentedParameter {
  name: string;
  type: string;
  optional: boolean;
  description: string;
}
interface DocumentedFunction {
  jsName: string;
  exported: boolean;
  id: string;
  name: string;
  description: string;
  parameters: DocumentedParameter[];
  resultType: string;
}

/** Metadata type for a TypeScript type, as the generator maps it (a Promise<T> result maps as T). */
function metadataType(node: ts.TypeNode | undefined): string {
  if (!node) return "any";
  if (ts.isTypeReferenceNode(node) && node.typeName.getText() === "Promise" && node.typeArguments?.length === 1) {
    return metadataType(node.typeArguments[0]);
  }
  switch (node.kind) {
    case ts.SyntaxKind.NumberKeyword:
      return "number";
    case ts.SyntaxKind.StringKeyword:
      return "string";
    case ts.SyntaxKind.BooleanKeyword:
      return "boolean";
    default:
      return "any";
  }
}

function commentText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (comment === undefined) return "";
  return typeof comment === "string" ? comment : comment.map((c) => c.text).join("");
}

/** Reads every function with a @customfunction JSDoc tag from the source file. */
function documentedFunctions(file: string): DocumentedFunction[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const out: DocumentedFunction[] = [];
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node) || !node.name) return;
    const tags = ts.getJSDocTags(node);
    const cf = tags.find((t) => t.tagName.text.toLowerCase() === "customfunction");
    if (!cf) return;
    const [id, name] = commentText(cf.comment).trim().split(/\s+/).filter(Boolean);
    const jsdoc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
    const paramTags = tags.filter(ts.isJSDocParameterTag);
    const returnType = node.type ? metadataType(node.type) : "any";
    out.push({
      jsName: node.name.text,
      exported: node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false,
      id: (id ?? node.name.text).toUpperCase(),
      name: (name ?? id ?? node.name.text).toUpperCase(),
      description: commentText(jsdoc?.comment).trim(),
      resultType: returnType,
      parameters: node.parameters.map((p) => {
        const paramName = (p.name as ts.Identifier).text;
        const tag = paramTags.find((t) => t.name.getText() === paramName);
        return {
          name: paramName,
          type: metadataType(p.type),
          optional: Boolean(p.questionToken || p.initializer || tag?.isBracketed),
          description: commentText(tag?.comment).trim(),
        };
      }),
    });
  });
  return out;
}

type Generated = Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;

const sources = [
  { label: "functions.ts", file: SOURCE, dist: "dist/functions.json" },
  { label: "functions.de.ts", file: SOURCE_DE, dist: "dist/functions-de.json" },
] as const;

const generated = new Map<string, Generated>();
const metadataOf = (file: string) => JSON.parse(generated.get(file)!.metadataJson) as Metadata;
const documentedOf = new Map(sources.map((s) => [s.file, documentedFunctions(s.file)]));
const documented = documentedOf.get(SOURCE)!;

beforeAll(async () => {
  for (const s of sources) generated.set(s.file, await generateCustomFunctionsMetadata(s.file));
});

describe.each(sources.map((s) => [s.label, s] as const))("custom functions metadata from %s", (_label, source) => {
  const docs = documentedOf.get(source.file)!;

  it("generates without errors", () => {
    expect(generated.get(source.file)!.errors).toEqual([]);
    expect(metadataOf(source.file).functions.length).toBeGreaterThan(0);
  });

  it("finds exactly the functions documented in the source, and all the add-in offers", () => {
    expect(docs.map((f) => f.id)).toEqual(EXPECTED_IDS);
    expect(metadataOf(source.file).functions.map((f) => f.id)).toEqual(docs.map((f) => f.id));
  });

  it.each(docs.map((f) => [f.id, f] as const))("%s matches its JSDoc", (id, doc) => {
    const entry = metadataOf(source.file).functions.find((f) => f.id === id);
    expect(entry).toBeDefined();
    expect(entry!.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(entry!.name).toBe(doc.name);
    expect(entry!.description).toBe(doc.description);
    expect(entry!.description!.length).toBeGreaterThan(20);
    expect(entry!.result?.type ?? "any").toBe(doc.resultType);
    expect(
      entry!.parameters.map((p) => ({ name: p.name, type: p.type, optional: p.optional ?? false, description: p.description ?? "" })),
    ).toEqual(doc.parameters);
    for (const p of entry!.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
    expect(entry!.options).toBeUndefined(); // not volatile, not streaming, no invocation parameter
  });

  const distJson = join(ROOT, source.dist);
  (existsSync(distJson) ? it : it.skip)(`${source.dist} equals freshly generated metadata`, () => {
    expect(JSON.parse(readFileSync(distJson, "utf8"))).toEqual(metadataOf(source.file));
  });
});

describe("custom functions metadata", () => {
  it.each(documented.map((f) => [f.id, f] as const))("%s is exported so the appended associate call and tests reach it", (_id, doc) => {
    expect(doc.exported).toBe(true);
    expect(typeof (functionsModule as Record<string, unknown>)[doc.jsName]).toBe("function");
    expect(generated.get(SOURCE)!.associate).toContainEqual(expect.objectContaining({ id: doc.id, functionName: doc.jsName }));
  });

  it("describes PRORATE as documented in PRODUCT.md §7", () => {
    const prorate = metadataOf(SOURCE).functions.find((f) => f.id === "PRORATE")!;
    expect(prorate.name).toBe("PRORATE");
    expect(prorate.result).toEqual({ type: "number" });
    expect(prorate.parameters.map((p) => [p.name, p.type, p.optional ?? false])).toEqual([
      ["amount", "number", false],
      ["from", "any", false],
      ["to", "any", false],
      ["period_start", "any", true],
      ["period_end", "any", true],
    ]);
    expect(prorate.options).toBeUndefined(); // not volatile, not streaming
  });

  it("gives the store-backed functions the documented signatures", () => {
    const signature = (id: string) => {
      const f = metadataOf(SOURCE).functions.find((x) => x.id === id)!;
      return `${f.result?.type} ${id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    };
    expect(EXPECTED_IDS.slice(1).map(signature)).toEqual([
      "number QTY(customer, article, [date])",
      "number PRICE(customer, article, [date])",
      "string CONTRACT(customer, article)",
      "number BILLED(contract, month)",
      "number MARGIN(customer, article, [date])",
      "number VERSION(contract, [date])",
      "number NEXTBILL(contract, [date])",
    ]);
  });

  it("German metadata differs from the English only in descriptions and parameter names", () => {
    const strip = (m: Metadata) =>
      m.functions.map((f) => ({
        id: f.id,
        name: f.name,
        result: f.result,
        options: f.options,
        parameters: f.parameters.map((p) => ({ type: p.type, optional: p.optional ?? false, dimensionality: p.dimensionality, repeating: p.repeating })),
      }));
    const en = metadataOf(SOURCE);
    const de = metadataOf(SOURCE_DE);
    expect(strip(de)).toEqual(strip(en));
    // and it really is German: no description is left in English
    for (const [i, f] of de.functions.entries()) {
      expect(f.description).not.toBe(en.functions[i]!.description);
      for (const [j, p] of f.parameters.entries()) expect(p.description).not.toBe(en.functions[i]!.parameters[j]!.description);
    }
  });
});
