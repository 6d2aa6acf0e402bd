/**
 * The character set German banks accept in SEPA files (Deutsche Kreditwirtschaft, DFÜ-Abkommen
 * Anlage 3, "Zeichensatz"; the EPC's basic Latin set): `a–z A–Z 0–9 ' : ? , - ( + . ) /` and the
 * space. A bank may replace any other character or reject the whole file, so names and remittance
 * texts are transliterated before they are written (umlauts as `ae oe ue ss`, as banks do), and
 * identifiers, which must reach the debtor unchanged, are checked instead.
 */

const SEPA_CHAR = /[A-Za-z0-9':?,\-(+.)/ ]/;
const SEPA_TEXT = /^[A-Za-z0-9':?,\-(+.)/ ]*$/;

/** True when every character of `text` is in the German banks' SEPA character set. */
export function isSepaText(text: string): boolean {
  return SEPA_TEXT.test(text);
}

/** The distinct characters of `text` outside the SEPA character set, in order of appearance. */
export function nonSepaChars(text: string): string[] {
  const bad: string[] = [];
  for (const ch of text) if (!SEPA_CHAR.test(ch) && !bad.includes(ch)) bad.push(ch);
  return bad;
}

const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss", ẞ: "SS" };
const REPLACEMENTS: Record<string, string> = {
  "&": "+",
  "€": "EUR",
  _: "-",
  "–": "-",
  "—": "-",
  "‐": "-",
  "‑": "-",
  "‘": "'",
  "’": "'",
  "‚": "'",
  "´": "'",
  "`": "'",
  '"': "'",
  "„": "'",
  "“": "'",
  "”": "'",
  "«": "'",
  "»": "'",
  ";": ",",
  æ: "ae",
  Æ: "Ae",
  œ: "oe",
  Œ: "Oe",
  ø: "o",
  Ø: "O",
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  þ: "th",
  Þ: "Th",
  ı: "i",
};

const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/**
 * Text in the SEPA character set: umlauts become `ae oe ue ss` (`AE` within a word in capitals, so
 * `MÜLLER` → `MUELLER`), accented letters lose their accent, `&` becomes `+`, typographic quotes and
 * dashes their plain forms; anything else becomes a space. Runs of spaces collapse and the result
 * is trimmed, then cut to `maxLength` characters (when given).
 */
export function toSepaText(text: string, maxLength?: number): string {
  const chars = [...text];
  let out = "";
  chars.forEach((ch, i) => {
    if (SEPA_CHAR.test(ch)) {
      out += ch;
      return;
    }
    const umlaut = UMLAUTS[ch];
    if (umlaut !== undefined) {
      // A capital umlaut inside a capitalised word stays all capitals: MÜLLER, not MUeLLER.
      const capitals = isUpper(ch) && (isUpper(chars[i + 1]) || (!/\p{L}/u.test(chars[i + 1] ?? "") && isUpper(chars[i - 1])));
      out += capitals ? umlaut.toUpperCase() : umlaut;
      return;
    }
    const replaced = REPLACEMENTS[ch];
    if (replaced !== undefined) {
      out += replaced;
      return;
    }
    const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
    out += base !== ch && isSepaText(base) ? base : " ";
  });
  const collapsed = out.replace(/ {2,}/g, " ").trim();
  return maxLength === undefined ? collapsed : collapsed.slice(0, maxLength).trimEnd();
}

/** Why an identifier (mandate reference, end-to-end id, message id) is not usable, or null when it is. */
export type IdentifierProblem = "empty" | "too_long" | "chars" | "slash";

/**
 * Checks an identifier as German banks define it: 1–35 characters of the SEPA set without spaces
 * (the DK schemas allow no space in identifiers), not starting or ending with `/` and without `//`
 * (EPC implementation guidelines).
 */
export function identifierProblem(value: string, maxLength = 35): IdentifierProblem | null {
  if (value === "") return "empty";
  if ([...value].length > maxLength) return "too_long";
  if (!isSepaText(value) || value.includes(" ")) return "chars";
  if (value.startsWith("/") || value.endsWith("/") || value.includes("//")) return "slash";
  return null;
}
