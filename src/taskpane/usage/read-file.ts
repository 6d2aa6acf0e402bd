/** Reads picked files as the app layer's input files. */
import type { InputFile } from "../../app/context";

export async function readInputFile(file: File): Promise<InputFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
