import type { AppContext } from "./context";

/** Every contract number in the store, sorted (the pane's contract pickers). */
export async function contractNumbers(ctx: AppContext): Promise<string[]> {
  return (await ctx.store.read((tx) => tx.contracts.keys())).sort((a, b) => a.localeCompare(b, "de", { numeric: true }));
}
