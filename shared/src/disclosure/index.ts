/** @kehou/shared/disclosure — service plans, filing, review and public disclosure (pure). */

export { publicTermPath, renderArticle } from './article';
export { type Chargeability, type ChargeablePlan, chargeability, isChargeable } from './chargeable';
export { checkServicePlan, hasExternalProviders, hasWinterTimetable, issuesAt } from './check';
export * from './content-schema';
export { toCsv } from './csv';
export { addCalendarDays, chinaDate, chinaDateTime, daysBetween } from './dates';
export { DEADLINE_WARNING_DAYS, filingDeadlineInfo } from './deadline';
export { diffPlanContent } from './diff';
export { disallowedFeeSettings, FEE_SETTING_LABELS, feeSettingIssues, feeSettingsFor } from './fee-settings';
export { publicationFees, yuan } from './fee-text';
export { escapeHtml } from './html';
export * from './labels';
export { toPublicContent } from './public-content';
export { periodLabel, periodRange, reportDuties } from './report-duties';
export { buildSemiannualReport, buildSpendingDisclosure, REPORT_BUILDERS, type ReportTable, type ReportTermData, termsInPeriod } from './reports';
export * from './schemas';
export * from './types';
