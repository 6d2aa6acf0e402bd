import { OfficeWorkbookGateway, type GatewayOptions } from "./office-workbook-gateway";
import type { XlRun } from "./xl-api";

/**
 * The binding to the real host: the only code that names the `Excel` and `Office` globals. Call after
 * `Office.onReady`. Passing `Excel.RequestContext` where an `XlContext` is expected is also the
 * compile-time proof that the Office.js typings satisfy the subset in xl-api.ts.
 */
export function officeWorkbookGateway(options: GatewayOptions = {}): OfficeWorkbookGateway {
  const run: XlRun = (batch) => Excel.run((context: Excel.RequestContext) => batch(context));
  return new OfficeWorkbookGateway(run, {
    displayLanguage: Office.context.displayLanguage,
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    ...options,
  });
}
