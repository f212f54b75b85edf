import type { Citation } from './citation';

/**
 * Every rule id the product speaks, in one registry: those of the conformance scenario format
 * (shared/conformance/README.md), then the engine's and the app's own. A rule id anywhere else is
 * typed `RuleId`, so a misspelt id does not compile.
 */
export const SCENARIO_RULE_IDS = [
  'fees.plan-not-approved',
  'fees.markup-too-high',
  'schedule.not-school-day',
  'schedule.start-time',
  'schedule.end-too-early',
  'schedule.end-too-late',
  'schedule.exercise-too-short',
  'content.subject-teaching',
  'content.competition-training',
  'content.commercial',
  'content.homework-assigned',
  'provider.blacklisted',
  'provider.not-vetted',
  'provider.for-profit',
  'budget.external-share',
  'budget.per-student',
] as const;

/** Not in the scenario table: rules of the engine and of the app, each with its clause where one exists. */
export const APP_RULE_IDS = [
  // The profile's document sets no refund method (see refunds/).
  'refund.no-method',
  // A parent may not apply for a refund under this profile (refunds/requests.ts).
  'refund.not-requestable',
  // Fees may not be issued: the service is free, or the fee standard has not been disclosed (fees/chargeability.ts).
  'fees.free-service',
  'fees.not-disclosed',
  // A billing period that follows attendance may be issued only once it has ended (fees/billing-periods.ts).
  'fees.period-not-ended',
  // Fee settings of the plan (disclosure/fee-settings.ts).
  'fees.setting-not-allowed',
  'fees.setting-out-of-range',
  // The day's blocks last longer than the service time (schedule/blocks-fit.ts).
  'schedule.blocks-over-time',
  // The plan's own completeness (disclosure/check.ts).
  'plan.incomplete',
  'plan.reference',
  'plan.date-outside-term',
  'plan.basic-care-missing',
  'plan.basic-care-capacity',
  'filing.missing-document',
  // The school's management rules are adopted before the agreement stating them is published (admin/management-rules.ts).
  'rules.not-adopted',
] as const;

export const RULE_IDS = [...SCENARIO_RULE_IDS, ...APP_RULE_IDS] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface Violation {
  readonly ruleId: RuleId;
  /** Plain Chinese for a school admin. */
  readonly message: string;
  readonly citation: Citation;
  /** Which part of the input breaks the rule, e.g. `activities[1].provider`. */
  readonly path?: string;
}

export function violation(ruleId: RuleId, message: string, citation: Citation, path?: string): Violation {
  return path === undefined ? { ruleId, message, citation } : { ruleId, message, citation, path };
}

/** The rule ids broken, each once, in first-seen order. */
export function brokenRuleIds(violations: readonly Violation[]): RuleId[] {
  return [...new Set(violations.map((v) => v.ruleId))];
}
