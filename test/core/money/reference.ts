/**
 * Integer (BigInt) reference implementations for the money tests: independent of decimal.js, so the
 * properties compare two different computations.
 */

/** The decimal text of n / 10^scale, e.g. (−12345n, 3) → `-12.345`. */
export function decimalText(n: bigint, scale: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** n / 10^scale rounded to cents, half away from zero, as decimal text. */
export function centsReference(n: bigint, scale: number): string {
  return decimalText(roundedCents(n, scale), 2);
}

/** n / 10^scale rounded to whole cents (half away from zero), as a count of cents. */
export function roundedCents(n: bigint, scale: number): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let cents: bigint;
  if (scale <= 2) {
    cents = abs * 10n ** BigInt(2 - scale);
  } else {
    const unit = 10n ** BigInt(scale - 2);
    cents = abs / unit;
    if (2n * (abs % unit) >= unit) cents += 1n;
  }
  return negative ? -cents : cents;
}
