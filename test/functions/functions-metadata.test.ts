/**
 * The custom-function metadata (functions.json) is generated from the JSDoc in
 * src/functions/functions.ts by custom-functions-metadata (the same generator the webpack plugin
 * runs). These tests read the source independently with the TypeScript compiler API and check that
 * every @customfunction got an entry with the documented id, name, parameter types and optional
 * flags; and that a built dist/functions.json matches freshly generated metadata.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functionsModule from "../../src/functions/functions";

const ROOT = resolve(__dirname, "../..");
const SOURCE = join(ROOT, "src/functions/functions.ts");

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

/** Metadata type for a TypeScript parameter type, as the generator maps it. */
function metadataType(node: ts.TypeNode | undefined): string {
  if (!node) return "any";
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

let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
let metadata: Metadata;
const documented = documentedFunctions(SOURCE);

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(SOURCE);
  metadata = JSON.parse(generated.metadataJson) as Metadata;
});

describe("custom functions metadata", () => {
  it("generates without errors", () => {
    expect(generated.errors).toEqual([]);
    expect(metadata.functions.length).toBeGreaterThan(0);
  });

  it("finds the functions documented in the source", () => {
    expect(documented.map((f) => f.id)).toContain("PRORATE");
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(documented.map((f) => f.id).sort());
  });

  it.each(documented.map((f) => [f.id, f] as const))("%s matches its JSDoc", (id, doc) => {
    const entry = metadata.functions.find((f) => f.id === id);
    expect(entry).toBeDefined();
    expect(entry!.id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
    expect(entry!.name).toBe(doc.name);
    expect(entry!.description).toBe(doc.description);
    expect(entry!.result?.type ?? "any").toBe(doc.resultType);
    expect(
      entry!.parameters.map((p) => ({ name: p.name, type: p.type, optional: p.optional ?? false, description: p.description ?? "" })),
    ).toEqual(doc.parameters);
  });

  it.each(documented.map((f) => [f.id, f] as const))("%s is exported so the appended associate call and tests reach it", (_id, doc) => {
    expect(doc.exported).toBe(true);
    expect(typeof (functionsModule as Record<string, unknown>)[doc.jsName]).toBe("function");
    expect(generated.associate).toContainEqual(expect.objectContaining({ id: doc.id, functionName: doc.jsName }));
  });

  it("describes PRORATE as documented in PRODUCT.md §7", () => {
    const prorate = metadata.functions.find((f) => f.id === "PRORATE")!;
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

  const distJson = join(ROOT, "dist/functions.json");
  (existsSync(distJson) ? it : it.skip)("dist/functions.json equals freshly generated metadata", () => {
    expect(JSON.parse(readFileSync(distJson, "utf8"))).toEqual(metadata);
  });
});
