/**
 * Demo data for the browser preview (made up; the layout is Microsoft's documented NCE invoice
 * reconciliation file, the same scenario as test/support/reconcile-scenario.ts):
 *
 * October 2026, vendor cost 18.60 per Business Premium seat and month, 30.00 per E3 seat:
 * - Müller GmbH (T1) Business Premium: 10 seats, +2 on 15 Oct (reversal pair) → quantity changed 10 → 12
 * - Müller GmbH E3: two subscriptions, 2 + 1 seats → unchanged (3); Exchange not in the file → missing
 * - Schäfer KG (T2) Business Premium: 4 seats cancelled on 20 Oct → 4 → 0; E3 new from 5 Oct → new position
 * - Neukunde AG (T3): tenant not mapped yet (the store knows the customer: the suggestion is exact)
 * - Teams Essentials: SKU not mapped yet (the store has a similar article)
 * - one credit line with a charge type the reader does not know → a warning naming row and column
 *
 * The store is seeded with articles, contracts, mappings and the October run (billed in advance on
 * 1 October), so reconciling October and then billing November shows difference lines.
 */
import { NCE_INVOICE_HEADERS } from "../io/vendor/profiles/microsoft-nce-invoice.profile";

export const T1 = "11111111-aaaa-4aaa-8aaa-000000000001";
export const T2 = "22222222-bbbb-4bbb-8bbb-000000000002";
export const T3 = "33333333-cccc-4ccc-8ccc-000000000003";

type Rec = Record<string, string>;

const BP = { ProductId: "CFQ7TTC0LCHC", SkuId: "0002", SkuName: "Microsoft 365 Business Premium" };
const E3 = { ProductId: "CFQ7TTC0LFLZ", SkuId: "0001", SkuName: "Microsoft 365 E3" };
const TEAMS = { ProductId: "CFQ7TTC0MM8R", SkuId: "0002", SkuName: "Teams Essentials" };

export const SAMPLE_SHEET = "NCE-Abrechnung 2026-10";
export const SAMPLE_MONTH = "2026-10";

const DATES = new Set(["OrderDate", "ChargeStartDate", "ChargeEndDate", "SubscriptionStartDate", "SubscriptionEndDate", "PCToBCExchangeRateDate"]);
const NUMBERS = new Set(["UnitPrice", "Quantity", "Subtotal", "TaxTotal", "Total", "EffectiveUnitPrice", "BillableQuantity", "PCToBCExchangeRate"]);

function line(tenant: string, name: string, domain: string, sku: Rec, sub: string, type: string, from: string, to: string, qty: string, subtotal: string): Rec {
  const tax = (Number(subtotal) * 0.19).toFixed(2);
  return {
    PartnerId: "9a8b7c6d-0000-4000-8000-00000000beef",
    CustomerId: tenant,
    CustomerName: name,
    CustomerDomainName: domain,
    CustomerCountry: "DE",
    InvoiceNumber: "G012345678",
    MpnId: "1234567",
    OrderId: "000123456789012345",
    OrderDate: from,
    ...sku,
    ProductName: sku.SkuName!,
    AvailabilityId: "CFQ7TTC0LDPB",
    SubscriptionId: sub,
    SubscriptionDescription: sku.SkuName!,
    ChargeType: type,
    ChargeStartDate: from,
    ChargeEndDate: to,
    Quantity: qty,
    BillableQuantity: qty,
    Subtotal: subtotal,
    TaxTotal: tax,
    Total: (Number(subtotal) + Number(tax)).toFixed(2),
    UnitPrice: "0",
    EffectiveUnitPrice: "0",
    Currency: "EUR",
    PricingCurrency: "EUR",
    PCToBCExchangeRate: "1",
    PCToBCExchangeRateDate: "2026-10-01",
    PublisherName: "Microsoft Corporation",
    TermAndBillingCycle: "One-Month commitment for monthly billing",
    BillingFrequency: "Monthly",
    SubscriptionStartDate: "2026-01-01",
    SubscriptionEndDate: "2026-12-31",
  };
}

/** The October file's rows as records (ISO dates, point decimals). */
export function sampleRecords(): Rec[] {
  const m = "mueller.onmicrosoft.com";
  const s = "schaefer-kg.onmicrosoft.com";
  return [
    line(T1, "Müller GmbH", m, BP, "S1", "cycleCharge", "2026-10-01", "2026-10-31", "10", "186"),
    line(T1, "Müller GmbH", m, BP, "S1", "addQuantity", "2026-10-15", "2026-10-31", "10", "-102"),
    line(T1, "Müller GmbH", m, BP, "S1", "addQuantity", "2026-10-15", "2026-10-31", "12", "122.4"),
    line(T1, "Müller GmbH", m, E3, "S2", "cycleCharge", "2026-10-01", "2026-10-31", "2", "60"),
    line(T1, "Müller GmbH", m, E3, "S3", "cycleCharge", "2026-10-01", "2026-10-31", "1", "30"),
    line(T2, "Schäfer KG", s, BP, "S4", "cycleCharge", "2026-10-01", "2026-10-31", "4", "74.4"),
    line(T2, "Schäfer KG", s, BP, "S4", "cancel", "2026-10-20", "2026-10-31", "4", "-28.8"),
    line(T2, "Schäfer KG", s, E3, "S5", "new", "2026-10-05", "2026-11-04", "2", "60"),
    line(T3, "Neukunde AG", "neukunde.onmicrosoft.com", BP, "S6", "cycleCharge", "2026-10-01", "2026-10-31", "7", "130.2"),
    line(T1, "Müller GmbH", m, TEAMS, "S7", "new", "2026-10-01", "2026-10-31", "1", "3.5"),
    line(T1, "Müller GmbH", m, BP, "S1", "partnerAdjustment", "2026-10-01", "2026-10-31", "0", "-5"),
  ];
}

/** `2026-10-15` → `10/15/2026`, as Microsoft writes dates (German Excel keeps them as text). */
function usDate(iso: string): string {
  const [y, mo, d] = iso.split("-");
  return `${Number(mo)}/${Number(d)}/${y}`;
}

/** Columns typed as ids (text) when the sample is put into the demo workbook. */
export const SAMPLE_ID_COLUMNS = ["PartnerId", "CustomerId", "InvoiceNumber", "MpnId", "OrderId", "ProductId", "SkuId", "AvailabilityId", "SubscriptionId"];

/**
 * The file as sheet cells, as it looks after opening Microsoft's CSV in Excel: text, except amounts
 * and quantities as numbers (`{ number }`); ids stay text (the gateway writes id columns as text).
 */
export function sampleSheetRows(): (string | { number: string })[][] {
  return [
    [...NCE_INVOICE_HEADERS],
    ...sampleRecords().map((r) =>
      NCE_INVOICE_HEADERS.map((h) => {
        const v = r[h] ?? "";
        if (v === "") return "";
        if (DATES.has(h)) return usDate(v);
        if (NUMBERS.has(h)) return { number: v };
        return v;
      }),
    ),
  ];
}

export const SAMPLE_ARTICLES = [
  "article_no,description,unit_price,vat_pct,unit,purchase_price",
  "M365-BP,Microsoft 365 Business Premium,20.60,19,Lizenz,18.60",
  "M365-E3,Microsoft 365 E3,33.70,19,Lizenz,30.00",
  "EXO-P1,Exchange Online Plan 1,4.00,19,Lizenz,3.40",
  "TEAMS-ESS,Microsoft Teams Essentials,4.00,19,Lizenz,3.50",
  "MS-BASIC,Managed Service Basic,49.00,19,Monat,",
].join("\n");

export const SAMPLE_CONTRACTS = [
  "customer_no,customer_name,contract_no,contract_type,billing_interval,billing_mode,contract_start,position_no,article_no,quantity,unit_price,valid_from",
  "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,1,M365-BP,10,20.60,2026-01-01",
  "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,2,M365-E3,3,33.70,2026-01-01",
  "10001,Müller GmbH,V-1001,license,monthly,advance,2026-01-01,3,EXO-P1,5,4.00,2026-01-01",
  "10002,Schäfer KG,V-2001,license,monthly,advance,2026-03-01,1,M365-BP,4,21.00,2026-03-01",
  "10002,Schäfer KG,V-2002,managed_service,monthly,advance,2026-03-01,1,EXO-P1,1,99.00,2026-03-01",
  "10003,Neukunde AG,V-3001,managed_service,monthly,advance,2026-09-01,1,MS-BASIC,1,49.00,2026-09-01",
].join("\n");

export const SAMPLE_MAPPINGS = [
  "kind,source,external_id,internal_no",
  `customer,microsoft-nce-invoice,${T1},10001`,
  `customer,microsoft-nce-invoice,${T2},10002`,
  "article,microsoft-nce-invoice,CFQ7TTC0LCHC:0002,M365-BP",
  "article,microsoft-nce-invoice,CFQ7TTC0LFLZ:0001,M365-E3",
  "article,*,CFQ7TTC0LH16:0001,EXO-P1",
].join("\n");

/** The run that billed January–October (in advance, invoice date 1 October). */
export const SAMPLE_RUN = { month: "2026-10", invoiceDate: "2026-10-01" } as const;
