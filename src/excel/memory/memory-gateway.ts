import { OfficeWorkbookGateway, type GatewayOptions } from "../office-workbook-gateway";
import { MemoryWorkbook } from "./memory-workbook";

/**
 * The workbook port on an in-memory workbook: the Office.js adapter itself, run against the fake
 * (so tests of this class test the adapter). Display language and requirement sets follow the
 * workbook's locale and API version unless given.
 */
export class MemoryWorkbookGateway extends OfficeWorkbookGateway {
  readonly workbook: MemoryWorkbook;

  constructor(workbook: MemoryWorkbook = new MemoryWorkbook(), options: GatewayOptions = {}) {
    super(workbook.run, {
      displayLanguage: workbook.locale === "de" ? "de-DE" : "en-US",
      supports: (version) => workbook.supports(version),
      ...options,
    });
    this.workbook = workbook;
  }
}
