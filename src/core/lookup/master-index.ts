/**
 * The master-data part of the custom functions' lookup index: customers, articles, contracts and
 * their position versions, keyed customer → contracts → positions → versions and (customer, article)
 * → positions, so a worksheet function is a map lookup. Pure: built from rows a host read from the
 * store (src/app/lookup/lookup-index.ts caches it per store).
 */
import { monthlyNet } from "../billing/proration";
import type { Article, Contract, Customer, PositionVersion } from "../contract/model";
import { compareVersions } from "../contract/state-on-day";
import { Decimal } from "../money/decimal";

/** The history of one contract position: its versions sorted by validFrom, then entry sequence. */
export interface PositionHistory {
  contract: Contract;
  positionNo: number;
  versions: readonly PositionVersion[];
}

/** A version's numbers as decimals, parsed once per index build instead of once per call. */
export interface VersionAmounts {
  quantity: Decimal;
  /** quantity × unit price × (1 − discount/100): the monthly net (see monthlyNet). */
  monthlyNet: Decimal;
  /** unit price × (1 − discount/100): the net price of one unit per month. */
  unitNet: Decimal;
}

/** A key lookup table that finds keys exactly, else case-insensitively when that is unambiguous. */
class KeyMap<T> {
  private readonly exact = new Map<string, T>();
  private readonly folded = new Map<string, T | null>();

  set(key: string, value: T): void {
    this.exact.set(key, value);
    const f = key.toUpperCase();
    const existing = this.folded.get(f);
    this.folded.set(f, existing === undefined || existing === value ? value : null);
  }

  get(key: string): T | undefined {
    return this.exact.get(key) ?? this.folded.get(key.toUpperCase()) ?? undefined;
  }

  get size(): number {
    return this.exact.size;
  }
}

const SEP = "\u0000";

/** The master-data part of the index (see module comment). Read-only once built. */
export class MasterIndex {
  private readonly customers = new KeyMap<Customer>();
  private readonly articles = new KeyMap<Article>();
  private readonly contracts = new KeyMap<Contract>();
  /** Article numbers that occur in a position but not in the articles table. */
  private readonly positionArticles = new KeyMap<string>();
  private readonly byCustomer = new Map<string, Contract[]>();
  private readonly byContract = new Map<string, PositionHistory[]>();
  private readonly byCustomerArticle = new Map<string, PositionHistory[]>();
  private readonly amountsByVersion = new WeakMap<PositionVersion, VersionAmounts>();

  constructor(data: { customers: readonly Customer[]; articles: readonly Article[]; contracts: readonly Contract[]; versions: readonly PositionVersion[] }) {
    for (const c of data.customers) this.customers.set(c.no, c);
    for (const a of data.articles) this.articles.set(a.no, a);
    for (const c of data.contracts) {
      this.contracts.set(c.no, c);
      const list = this.byCustomer.get(c.customerNo);
      if (list) list.push(c);
      else this.byCustomer.set(c.customerNo, [c]);
    }
    for (const list of this.byCustomer.values()) list.sort((a, b) => (a.no < b.no ? -1 : a.no > b.no ? 1 : 0));

    // contract → position → versions
    const positions = new Map<string, Map<number, PositionVersion[]>>();
    for (const v of data.versions) {
      let byPosition = positions.get(v.contractNo);
      if (!byPosition) positions.set(v.contractNo, (byPosition = new Map()));
      const list = byPosition.get(v.positionNo);
      if (list) list.push(v);
      else byPosition.set(v.positionNo, [v]);
    }
    const contractsByNo = new Map(data.contracts.map((c) => [c.no, c]));
    for (const [contractNo, byPosition] of positions) {
      const contract = contractsByNo.get(contractNo);
      if (!contract) continue; // versions of a contract that no longer exists
      const histories: PositionHistory[] = [];
      for (const [positionNo, list] of [...byPosition].sort((a, b) => a[0] - b[0])) {
        const history: PositionHistory = { contract, positionNo, versions: list.sort(compareVersions) };
        histories.push(history);
        // A position belongs to every article it ever had; queries check the version in force.
        for (const articleNo of new Set(list.map((v) => v.articleNo))) {
          if (!this.articles.get(articleNo)) this.positionArticles.set(articleNo, articleNo);
          const key = contract.customerNo + SEP + articleNo;
          const same = this.byCustomerArticle.get(key);
          if (same) same.push(history);
          else this.byCustomerArticle.set(key, [history]);
        }
      }
      this.byContract.set(contractNo, histories);
    }
  }

  /** Quantity and monthly net of a version, as decimals (computed on first use, then kept). */
  amounts(v: PositionVersion): VersionAmounts {
    let a = this.amountsByVersion.get(v);
    if (!a) this.amountsByVersion.set(v, (a = { quantity: new Decimal(v.quantity), monthlyNet: monthlyNet(v), unitNet: monthlyNet({ ...v, quantity: "1" }) }));
    return a;
  }

  /**
   * The customer with this number (exact, else case-insensitive if unambiguous); a customer only
   * known from its contracts yields a stub with an empty name.
   */
  customer(no: string): Customer | undefined {
    return this.customers.get(no) ?? (this.byCustomer.has(no) ? { no, name: "" } : undefined);
  }

  /** The article with this number; articles only known from positions yield a stub without prices. */
  article(no: string): Article | undefined {
    const article = this.articles.get(no);
    if (article) return article;
    const fromPosition = this.positionArticles.get(no);
    return fromPosition === undefined ? undefined : { no: fromPosition, description: "", unitPrice: "0", vatPct: "0" };
  }

  contract(no: string): Contract | undefined {
    return this.contracts.get(no);
  }

  /** The customer's contracts, by contract number. */
  contractsOf(customerNo: string): readonly Contract[] {
    return this.byCustomer.get(customerNo) ?? [];
  }

  /** The positions of a contract, by position number. */
  positionsOf(contractNo: string): readonly PositionHistory[] {
    return this.byContract.get(contractNo) ?? [];
  }

  /** The customer's positions that have (or had) the article, over all contracts. */
  positionsWithArticle(customerNo: string, articleNo: string): readonly PositionHistory[] {
    return this.byCustomerArticle.get(customerNo + SEP + articleNo) ?? [];
  }

  get counts(): { customers: number; articles: number; contracts: number; positions: number } {
    let positions = 0;
    for (const list of this.byContract.values()) positions += list.length;
    return { customers: this.customers.size, articles: this.articles.size, contracts: this.contracts.size, positions };
  }
}
