/**
 * @kehou/shared/policy — the after-school service policy engine. Pure: no I/O, no clock.
 * (The conformance runner and the bench read files and time things; they are not exported.)
 */

export { type EditableFeeSetting, editableFeeSettings } from './admin/fee-settings';
// What later features read from a profile
export { filingDeadline, filingDocuments } from './admin/filing';
export { LISTING_DAYS, listingDaysHint } from './admin/listing-days';
export { RULES_ADOPTER_LABELS, rulesAdoptionGate } from './admin/management-rules';
// Conformance scenarios, pure part
export { evaluateScenario, type ParsedScenario, parseScenario, type ScenarioOutcome } from './conformance/evaluate';
export { addDays, eachDay, type IsoDate, isCalendarDate, isoWeekday, isWithin } from './core/calendar';
export { type Citation, formatCitation, type Provision } from './core/citation';
export type { ClockTime } from './core/clock';
export { formatYuan } from './core/money';
export { inForceOn, type Parameter, type Timeline, type Unit, valueOn } from './core/parameter';
export { brokenRuleIds, RULE_IDS, type RuleId, SCENARIO_RULE_IDS, type Violation } from './core/violation';
// Vocabulary and core types
export * from './domain';
export {
  type BillingPeriod,
  billingPeriodLabel,
  billingPeriodOf,
  billingPeriods,
  billingPeriodsUnder,
  findBillingPeriod,
  mayIssuePeriod,
  TERM_PERIOD_KEY,
  type TermWindow,
} from './fees/billing-periods';
// Rules
export { computeCharge, computeChargeUnder } from './fees/charge';
export { type Chargeability, type ChargeabilityFacts, chargeability, chargeabilityUnder } from './fees/chargeability';
export type { AmountLine, ChargeResult } from './fees/types';
export { checkPlan, checkPlanUnder } from './plan/check-plan';
export { qijiang2020 } from './profiles/qijiang-2020';
export { getProfile, isProfileId, listProfiles, PROFILE_IDS, PROFILE_NAMES, type ProfileId } from './profiles/registry';
export { suifenhe2021 } from './profiles/suifenhe-2021';
// Profiles
export * from './profiles/types';
export { xxcity2024 } from './profiles/xxcity-2024';
export { yueyang2019 } from './profiles/yueyang-2019';
export { computeRefund, computeRefundUnder } from './refunds/refund';
export { type RefundRequests, refundRequests, refundRequestsUnder } from './refunds/requests';
export type { RefundResult } from './refunds/types';
export {
  settleWithdrawal,
  settleWithdrawalUnder,
  type WithdrawalInput,
  type WithdrawalRule,
  type WithdrawalSettlement,
  withdrawalRuleUnder,
} from './refunds/withdrawal';
export {
  type BlocksOverTime,
  blocksOverServiceTime,
  blocksOverTimeMessage,
  blocksOverTimeViolation,
  type DayTimetable,
} from './schedule/blocks-fit';
export { checkSchedule, checkScheduleUnder } from './schedule/check-schedule';
// Inputs (zod schemas and their types) and session expansion
export * from './schemas';
export { attendedMinutesOf, expandSessions } from './sessions';
