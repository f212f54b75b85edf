/** @kehou/shared/disclosure — service plans, filing, review and public disclosure (pure). */
export * from './types';
export * from './content-schema';
export * from './schemas';
export { checkServicePlan, issuesAt, hasExternalProviders, hasWinterTimetable } from './check';
export { feeSettingsFor, disallowedFeeSettings, feeSettingIssues, FEE_SETTING_LABELS } from './fee-settings';
export { chargeability, isChargeable, type Chargeability, type ChargeablePlan } from './chargeable';
export { filingDeadlineInfo, DEADLINE_WARNING_DAYS } from './deadline';
export { publicationFees, yuan } from './fee-text';
export { toPublicContent } from './public-content';
export { renderArticle, publicTermPath } from './article';
export { escapeHtml } from './html';
export { diffPlanContent } from './diff';
export { toCsv } from './csv';
export { reportDuties, periodLabel, periodRange } from './report-duties';
export { buildSemiannualReport, buildSpendingDisclosure, termsInPeriod, REPORT_BUILDERS, type ReportTable, type ReportTermData } from './reports';
export * from './labels';
export { chinaDate, chinaDateTime, addCalendarDays } from './dates';
