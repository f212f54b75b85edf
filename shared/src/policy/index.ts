/**
 * @kehou/shared/policy — the after-school service policy engine. Pure: no I/O, no clock.
 * (The conformance runner and the bench read files and time things; they are not exported.)
 */

// Vocabulary and core types
export * from './domain';
export { formatCitation, type Citation, type Provision } from './core/citation';
export { inForceOn, valueOn, type Parameter, type Timeline, type Unit } from './core/parameter';
export { RULE_IDS, SCENARIO_RULE_IDS, brokenRuleIds, type RuleId, type Violation } from './core/violation';
export { formatYuan } from './core/money';
export { addDays, eachDay, isCalendarDate, isoWeekday, isWithin, type IsoDate } from './core/calendar';
export type { ClockTime } from './core/clock';

// Profiles
export * from './profiles/types';
export { PROFILE_IDS, PROFILE_NAMES, getProfile, isProfileId, listProfiles, type ProfileId } from './profiles/registry';
export { qijiang2020 } from './profiles/qijiang-2020';
export { yueyang2019 } from './profiles/yueyang-2019';
export { xxcity2024 } from './profiles/xxcity-2024';
export { suifenhe2021 } from './profiles/suifenhe-2021';

// Inputs (zod schemas and their types) and session expansion
export * from './schemas';
export { expandSessions, attendedMinutesOf } from './sessions';

// Rules
export { computeCharge, computeChargeUnder } from './fees/charge';
export {
  billingPeriods,
  billingPeriodsUnder,
  billingPeriodLabel,
  billingPeriodOf,
  findBillingPeriod,
  mayIssuePeriod,
  TERM_PERIOD_KEY,
  type BillingPeriod,
  type TermWindow,
} from './fees/billing-periods';
export { chargeability, chargeabilityUnder, type Chargeability, type ChargeabilityFacts } from './fees/chargeability';
export type { AmountLine, ChargeResult } from './fees/types';
export { computeRefund, computeRefundUnder } from './refunds/refund';
export type { RefundResult } from './refunds/types';
export { refundRequests, refundRequestsUnder, type RefundRequests } from './refunds/requests';
export { settleWithdrawal, settleWithdrawalUnder, withdrawalRuleUnder, type WithdrawalInput, type WithdrawalRule, type WithdrawalSettlement } from './refunds/withdrawal';
export { checkSchedule, checkScheduleUnder } from './schedule/check-schedule';
export { checkPlan, checkPlanUnder } from './plan/check-plan';

// What later features read from a profile
export { filingDeadline, filingDocuments } from './admin/filing';
export { editableFeeSettings, type EditableFeeSetting } from './admin/fee-settings';

// Conformance scenarios, pure part
export { evaluateScenario, parseScenario, type ParsedScenario, type ScenarioOutcome } from './conformance/evaluate';
