/**
 * Name similarity for mapping suggestions: vendor customer names against our customers (and their
 * domains), vendor product names against our article descriptions. Simple on purpose: normalised
 * names (case, umlauts, legal forms, punctuation) compared by the Dice coefficient of letter pairs.
 */

const LEGAL_FORMS = /\b(gmbh|mbh|ag|kg|kgaa|ohg|gbr|ug|e\s?k|e\s?v|se|co|ltd|inc|llc|haftungsbeschrankt|und|and)\b/g;

/** Lower case, umlauts spelt out, legal forms and punctuation removed, spaces collapsed. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\.onmicrosoft\.com$|\.(de|com|net|org|eu|at|ch)$/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(LEGAL_FORMS, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const t = ` ${text} `;
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** 0 … 1: 1 for names equal after normalisation, else the Dice coefficient of their letter pairs. */
export function similarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === "" || y === "") return 0;
  if (x === y) return 1;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let common = 0;
  let total = 0;
  for (const [g, n] of gx) {
    common += Math.min(n, gy.get(g) ?? 0);
    total += n;
  }
  for (const n of gy.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

export interface Candidate {
  no: string;
  /** Names to compare with (name, description, domain …). */
  texts: readonly string[];
}

export interface Match {
  no: string;
  score: number;
}

/** The best candidate for a name (highest score over its texts), or null when nothing scores. */
export function bestMatch(name: string, candidates: readonly Candidate[]): Match | null {
  let best: Match | null = null;
  for (const c of candidates) {
    const score = Math.max(0, ...c.texts.map((t) => similarity(name, t)));
    if (score > 0 && (!best || score > best.score || (score === best.score && c.no < best.no))) best = { no: c.no, score };
  }
  return best;
}
