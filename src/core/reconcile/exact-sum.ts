import { Decimal } from "../money/decimal";

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** A plain decimal string (`-12.5`, `3`) as an integer and its number of decimals; null otherwise. */
export function parsePlain(text: string): { digits: bigint; scale: number } | null {
  if (!PLAIN.test(text)) return null;
  const dot = text.indexOf(".");
  return dot < 0 ? { digits: BigInt(text), scale: 0 } : { digits: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/** {@link parsePlain} remembering its results per text (bounded), for one run over many lines. */
export function cachedParsePlain(limit = 100_000): (text: string) => { digits: bigint; scale: number } | null {
  const cache = new Map<string, { digits: bigint; scale: number } | null>();
  return (text) => {
    let parsed = cache.get(text);
    if (parsed === undefined) {
      parsed = parsePlain(text);
      if (cache.size < limit) cache.set(text, parsed);
    }
    return parsed;
  };
}

const TEN = 10n;
const pow10 = (n: number): bigint => TEN ** BigInt(n);

/**
 * An exact running sum of decimals (and of products of two), as an integer scaled by a power of ten:
 * a sum over many lines costs one BigInt addition each instead of a decimal.js allocation and
 * normalisation. The result equals what summing with Decimal gives, as long as no partial sum needs
 * more than Decimal's 34 significant digits (amounts and quantities of vendor files are far below).
 */
export class ExactSum {
  private value = 0n;
  private scale = 0;

  /** Adds digits × 10^−scale. */
  addScaled(digits: bigint, scale: number): void {
    if (scale > this.scale) {
      this.value *= pow10(scale - this.scale);
      this.scale = scale;
    }
    this.value += scale === this.scale ? digits : digits * pow10(this.scale - scale);
  }

  add(x: { digits: bigint; scale: number }): void {
    this.addScaled(x.digits, x.scale);
  }

  /** Adds a × b. */
  addProduct(a: { digits: bigint; scale: number }, b: { digits: bigint; scale: number }): void {
    this.addScaled(a.digits * b.digits, a.scale + b.scale);
  }

  isZero(): boolean {
    return this.value === 0n;
  }

  toDecimal(): Decimal {
    if (this.scale === 0) return new Decimal(this.value.toString());
    const negative = this.value < 0n;
    const text = (negative ? -this.value : this.value).toString().padStart(this.scale + 1, "0");
    const cut = text.length - this.scale;
    return new Decimal(`${negative ? "-" : ""}${text.slice(0, cut)}.${text.slice(cut)}`);
  }
}
