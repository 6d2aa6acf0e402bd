import type { Customer } from "../core/contract/model";
import type { AppContext } from "./context";

/** Every customer, by number. */
export function listCustomers(ctx: AppContext): Promise<Customer[]> {
  return ctx.store.read((tx) => tx.customers.all());
}
