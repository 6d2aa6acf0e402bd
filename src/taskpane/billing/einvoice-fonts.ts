/**
 * The fonts the ZUGFeRD PDF embeds (PDF/A forbids fonts that are not embedded), in the pane: webpack
 * copies DejaVu Sans from the npm package next to the page (asset/resource) and the pane fetches the
 * bytes when a ZUGFeRD customer needs them. The CLI reads the same files from node_modules.
 */
import bold from "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf";
import regular from "dejavu-fonts-ttf/ttf/DejaVuSans.ttf";
import type { PdfFonts } from "../../io/einvoice/invoice-pdf";

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let loaded: Promise<PdfFonts> | null = null;

/** DejaVu Sans regular and bold, fetched once per page. */
export function paneFonts(): Promise<PdfFonts> {
  loaded ??= Promise.all([bytesOf(regular), bytesOf(bold)]).then(([r, b]) => ({ regular: r, bold: b }));
  loaded.catch(() => (loaded = null));
  return loaded;
}
