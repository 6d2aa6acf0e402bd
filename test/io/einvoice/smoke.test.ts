import { buildEInvoice } from "../../../src/core/einvoice/build-einvoice";
import { generateEInvoice } from "../../../src/io/einvoice/generate-einvoice";
import { CUSTOMER, SELLER, invoice, line, loadFonts } from "../../support/einvoice-fixtures";
import { validateAgainstFacturX, checkWellFormed } from "../../support/xml-schema";
import { writeFileSync } from "node:fs";

it("smoke", async () => {
  const inv = invoice(CUSTOMER, [line(), line({ vatPct: "7", netAmount: "10.00", unitPrice: "10" })]);
  const m = buildEInvoice({ invoice: inv, customer: CUSTOMER, seller: SELLER });
  if (!m.ok) console.log(JSON.stringify(m.issues, null, 1));
  expect(m.ok).toBe(true);
  if (!m.ok) return;
  for (const f of ["xrechnung-cii", "xrechnung-ubl", "zugferd"] as const) {
    const r = await generateEInvoice(m.value, f, { fonts: loadFonts() });
    if (!r.ok) { console.log(JSON.stringify(r.issues, null, 1)); continue; }
    writeFileSync("/tmp/" + r.value.fileName, r.value.bytes);
    if (f === "xrechnung-cii") {
      const xml = new TextDecoder().decode(r.value.bytes);
      console.log((await validateAgainstFacturX(xml, "EN16931")), await validateAgainstFacturX(xml, "EXTENDED"));
    }
    if (f === "xrechnung-ubl") console.log(await checkWellFormed(new TextDecoder().decode(r.value.bytes)));
  }
});
