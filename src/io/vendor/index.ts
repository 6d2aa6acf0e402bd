/**
 * Reading distributor billing files into canonical vendor lines (issue 3). Browser-safe: the Node-only
 * `.xlsx` path is in read-vendor-file.ts and table/read-xlsx.ts.
 */
export type { VendorLine, PeriodFound } from "./vendor-line";
export { classifyChargeType, isKnownChargeType, chargeTypeKey, type ChargeKind, type ChargeTypeInfo } from "./charge-type";
export { coveredMonths, anniversary } from "./covered-months";
export { parseTermAndBillingCycle, type TermLength, type BillingCycle } from "./term";
export type { VendorProfile, ProfileColumns, FieldSource, ColumnAliases, SignMode } from "./profile";
export { matchProfiles, recogniseProfile, findVendorHeader, indexHeaders, missingHeaders, type ProfileMatch, type Recognition } from "./match-profile";
export { detectDecimalSeparator, detectDateOrder } from "./formats";
export { createRowContext, mapVendorRow, type RowContext, type MappedRow } from "./map-row";
export {
  createVendorReader,
  readVendorTable,
  readVendorTableAsync,
  readVendorCsv,
  type ReadVendorOptions,
  type ReadVendorResult,
  type VendorReader,
  type ReadVendorCsvOptions,
  type ReadVendorCsvResult,
  type AsyncReadOptions,
} from "./read-vendor";
export {
  USER_PROFILE_VERSION,
  PROFILE_FILE_FORMAT,
  validateProfile,
  compileUserProfile,
  exportProfiles,
  importProfiles,
  userProfileHeaders,
  type UserProfile,
  type UserProfileColumns,
  type UserProfileUsage,
  type ProfileDateFormat,
  type ImportProfilesOptions,
} from "./user-profile";
export { BUILTIN_PROFILES, BUILTIN_PROFILE_IDS, builtinProfile, allProfiles, toVendorProfile, isVendorProfile, type AnyProfile } from "./profiles/registry";
export { NCE_INVOICE_HEADERS, microsoftNceInvoiceProfile } from "./profiles/microsoft-nce-invoice.profile";
export { LEGACY_LICENSE_HEADERS, microsoftLegacyLicenseProfile } from "./profiles/microsoft-legacy-license.profile";
export { DAILY_USAGE_HEADERS, microsoftNceDailyUsageProfile } from "./profiles/microsoft-nce-daily-usage.profile";
export { ingramRdeShortExample, EXAMPLE_USER_PROFILES } from "./profiles/ingram-rde-short.example";
