import type { BillingFrequency, TermLength } from "../../core/contract/term";

/** Commitment term of a subscription (core/contract/term.ts). */
export type { TermLength };

/** How often the vendor bills a subscription (core/contract/term.ts). */
export type BillingCycle = BillingFrequency;

export interface TermInfo {
  term?: TermLength;
  billingCycle?: BillingCycle;
}

/**
 * Splits Microsoft's free-text `TermAndBillingCycle` (`One-Year commitment for monthly/yearly
 * billing`, `Three-3 Years commitment for monthly/3 Years/yearly billing`, `One-Month commitment for
 * trial`, `1 Month Subscription`) into term and billing cycle. A non-empty billing frequency column
 * (`Monthly`, `Annual`, `Triennial`, `OneTime`) decides the cycle; without it a choice like
 * "monthly/yearly" means yearly billing, as public parsers read it (research/domain.md A1.1).
 */
export function parseTermAndBillingCycle(termText: string, billingFrequency = ""): TermInfo {
  const text = termText.toLowerCase();
  const out: TermInfo = {};
  if (/\btrial\b/.test(text)) out.term = "trial";
  else if (/three|\b3[\s-]*years?\b/.test(text)) out.term = "P3Y";
  else if (/one-year|one year|\b1[\s-]*year\b|annual/.test(text)) out.term = "P1Y";
  else if (/one-month|one month|\b1[\s-]*month\b/.test(text)) out.term = "P1M";

  const fromFrequency = cycleOf(billingFrequency);
  if (fromFrequency) out.billingCycle = fromFrequency;
  else {
    const m = /for\s+(.+?)\s+billing/.exec(text);
    const choice = m?.[1] ?? "";
    if (choice.includes("/")) out.billingCycle = choice.includes("yearly") ? "annual" : cycleOf(choice.split("/").pop() ?? "");
    else if (choice) out.billingCycle = cycleOf(choice);
    else if (out.term === "P1M" && /subscription/.test(text)) out.billingCycle = "monthly";
  }
  if (out.billingCycle === undefined) delete out.billingCycle;
  return out;
}

function cycleOf(raw: string): BillingCycle | undefined {
  const k = raw.toLowerCase().replace(/[\s_-]+/g, "");
  if (k === "") return undefined;
  if (k === "monthly" || k === "month" || k === "p1m") return "monthly";
  if (k === "annual" || k === "yearly" || k === "year" || k === "p1y") return "annual";
  if (k === "triennial" || k === "3years" || k === "p3y") return "triennial";
  if (k === "onetime" || k === "none") return "one_time";
  return undefined;
}
