import type { MemoryContext } from "./context";
import { invalidArgument, itemNotFound, propertyNotLoaded } from "./errors";

/**
 * Base of every fake Office.js object. Like the real proxies it knows nothing until a sync:
 * - `load(props)` queues a read; the values become readable after `context.sync()` succeeded, and
 *   reading a property that was not loaded throws `PropertyNotLoaded` (real Office.js throws too);
 * - property writes and method calls are queued and applied in order on `sync()`;
 * - the target object is looked up when the first queued operation runs (a missing one is
 *   `ItemNotFound` at sync), or, for `…OrNullObject`, reported through `isNullObject` after a sync.
 */
export abstract class MemoryProxy<T extends object> {
  private target: T | null | undefined;
  private readonly loaded = new Map<string, unknown>();
  private nullFlag: boolean | undefined;

  /** Properties `load()` accepts, and that a bare `load()` loads. */
  protected abstract readonly loadable: readonly string[];

  constructor(
    protected readonly ctx: MemoryContext,
    private readonly resolver: () => T | null,
    protected readonly what: string,
    private readonly orNull = false,
  ) {
    // A proxy made by a method call travels as an object path; children of a loaded collection don't.
    if (!ctx.applying) ctx.enqueue(`path ${what}`, undefined, () => undefined);
    if (orNull) {
      ctx.enqueue(`${what}.isNullObject`, undefined, () => {
        const t = this.tryResolve();
        ctx.stage(16, () => (this.nullFlag = t === null));
      });
    }
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullFlag === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullFlag;
  }

  /** The target when the queue reaches an operation on it (null only for a null object). */
  protected tryResolve(): T | null {
    if (this.target === undefined) this.target = this.resolver();
    if (this.target !== null && this.isGone(this.target)) throw itemNotFound(this.what);
    return this.target;
  }

  resolve(): T {
    const t = this.tryResolve();
    if (t === null) throw itemNotFound(this.what);
    return t;
  }

  /** True when the target was deleted (operations on it fail). */
  protected isGone(_target: T): boolean {
    return false;
  }

  /** The value of a loaded property for `load`. */
  protected abstract snapshot(property: string, target: T): unknown;

  load(propertyNames?: string | string[]): this {
    const names = parseNames(propertyNames, this.loadable);
    this.ctx.enqueue(`${this.what}.load`, names, () => {
      const t = this.tryResolve();
      if (t === null) return;
      for (const name of names) {
        if (!this.loadable.includes(name)) throw invalidArgument(`'${name}' cannot be loaded on ${this.what}`);
        const value = this.snapshot(name, t);
        this.ctx.stage(JSON.stringify(value)?.length ?? 4, () => this.loaded.set(name, value));
      }
    });
    return this;
  }

  /** Reads a loaded property, or throws PropertyNotLoaded. */
  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as V;
  }

  /** Marks a property as known without a load (a loaded collection's `items`). */
  preset(property: string, value: unknown): void {
    this.loaded.set(property, value);
  }

  /** Loads properties from a known target at once (the children of a loaded collection). */
  fill(properties: readonly string[], target: T): this {
    for (const p of properties) this.loaded.set(p, this.snapshot(p, target));
    return this;
  }

  /** Queues a write of a property or a method call. */
  protected queue(operation: string, payload: unknown, apply: (target: T) => void): void {
    this.ctx.enqueue(`${this.what}.${operation}`, payload, () => apply(this.resolve()));
  }
}

/** Property names of a `load()` argument (comma lists and arrays; no argument = all loadable). */
export function parseNames(propertyNames: string | string[] | undefined, all: readonly string[]): string[] {
  if (propertyNames === undefined) return [...all];
  const list = Array.isArray(propertyNames) ? propertyNames : [propertyNames];
  return list.flatMap((p) => p.split(",")).map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * The child properties a collection load asks for: `items` = all of `childLoadable`,
 * `items/name` = name. Other names are InvalidArgument, as in Office.js.
 */
export function itemProperties(names: readonly string[], childLoadable: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    if (n === "items") childLoadable.forEach((p) => out.add(p));
    else if (n.startsWith("items/") && childLoadable.includes(n.slice(6))) out.add(n.slice(6));
    else throw invalidArgument(`'${n}' cannot be loaded on a collection`);
  }
  return [...out];
}
