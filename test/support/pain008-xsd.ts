import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";

/** The pain.008.001.08 schema written for the tests (see test/fixtures/sepa/README.md). */
export const PAIN008_XSD = readFileSync(join(__dirname, "../fixtures/sepa/pain.008.001.08.xsd"), "utf8");

/**
 * Validates pain.008 documents against the schema with xmllint (WebAssembly build, so no system
 * package is needed), all in one xmllint run: instantiating it takes about half a second. Returns
 * the error messages per document, in order (empty when it is valid).
 */
export async function pain008Errors(xmls: readonly string[]): Promise<string[][]> {
  const files = xmls.map((contents, i) => ({ fileName: `file-${i}.xml`, contents }));
  const result = await validateXML({ xml: files, schema: [{ fileName: "pain.008.001.08.xsd", contents: PAIN008_XSD }] });
  const errors: string[][] = xmls.map(() => []);
  for (const e of result.errors) {
    const at = e.loc ? Number(/file-(\d+)\.xml/.exec(e.loc.fileName)?.[1]) : NaN;
    if (Number.isInteger(at)) errors[at]!.push(e.message);
    else errors.forEach((list) => list.push(e.rawMessage));
  }
  if (!result.valid && errors.every((list) => list.length === 0)) throw new Error(`xmllint failed without a message: ${result.rawOutput}`);
  return errors;
}
