import { PDFDict, PDFDocument, PDFName, PDFString } from "@cantoo/pdf-lib";
import { eInvoicesOfRun } from "../../src/app/einvoice-run";
import { saveExportSettings } from "../../src/app/export-invoices";
import { listRuns } from "../../src/app/billing-runs";
import { dbOf } from "../support/db-view";
import { loadFonts } from "../support/einvoice-fixtures";
import { COMPANY, billedScenario } from "../scenarios/exports/scenario";

/**
 * The ZUGFeRD PDF is dated when its run was issued: by this call (the PDF and the run get the same
 * time, the program's "now") or earlier (the run's issue time). Made again later, it is the same file.
 */
it("a ZUGFeRD PDF is dated at its run's issue time, and made again later it has the same bytes", async () => {
  const s = await billedScenario();
  await saveExportSettings(s.ctx, { company: { ...COMPANY, contactName: "Buchhaltung" } });
  await dbOf(s.ctx).customers.update("10001", { email: "rechnung@mueller.de" });
  await dbOf(s.ctx).customers.update("10002", { email: "buchhaltung@schmidt-soehne.de" });
  const january = (await listRuns(s.ctx)).find((r) => r.month === "2026-01")!;
  const at = (now: string) => ({ ...s.ctx, now: () => now });
  const fonts = loadFonts();

  const first = await eInvoicesOfRun(at("2026-01-05T09:30:00.000Z"), january.id, "zugferd", { fonts });
  if (!first.ok) throw new Error(JSON.stringify(first.issues));
  expect(first.value.issuedNow).toBe(true);
  expect((await dbOf(s.ctx).runs.get(january.id))!.issuedAt).toBe("2026-01-05T09:30:00.000Z");
  const pdf = first.value.files.find((f) => f.invoiceRef === "RE-000001")!.bytes;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  expect((doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).lookup(PDFName.of("CreationDate")) as PDFString).decodeText()).toBe("D:20260105093000Z");
  expect(doc.getTitle()).toBe("Rechnung RE-000001");
  expect(doc.getAuthor()).toBe("Systemhaus Beispiel GmbH");

  const again = await eInvoicesOfRun(at("2026-03-01T12:00:00.000Z"), january.id, "zugferd", { fonts });
  if (!again.ok) throw new Error(JSON.stringify(again.issues));
  expect(again.value.issuedNow).toBe(false);
  expect(Buffer.from(again.value.files.find((f) => f.invoiceRef === "RE-000001")!.bytes).equals(Buffer.from(pdf))).toBe(true);
});
