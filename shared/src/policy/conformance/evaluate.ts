import type { ZodError } from 'zod';
import { brokenRuleIds } from '../core/violation';
import { computeCharge } from '../fees/charge';
import { checkPlan } from '../plan/check-plan';
import { computeRefund } from '../refunds/refund';
import { checkSchedule } from '../schedule/check-schedule';
import { type ChargeScenario, type RefundScenario, type Scenario, scenarioSchema } from '../schemas';
import { expandSessions } from '../sessions';

/** Pure part of the conformance runner: parse one scenario, run it, compare. */

export type ParsedScenario = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problem: string };

export function parseScenario(text: string): ParsedScenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `invalid JSON: ${(error as Error).message}` };
  }
  const parsed = scenarioSchema.safeParse(json);
  return parsed.success ? { ok: true, scenario: parsed.data } : { ok: false, problem: describeZodError(parsed.error) };
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

export interface ScenarioOutcome {
  readonly passed: boolean;
  readonly expected: unknown;
  readonly actual: unknown;
}

export function evaluateScenario(scenario: Scenario): ScenarioOutcome {
  switch (scenario.kind) {
    case 'charge':
      return compareMoney(scenario.expect, chargeOutcome(scenario));
    case 'refund':
      return compareMoney(scenario.expect, refundOutcome(scenario));
    case 'schedule':
      return compareRuleSets(scenario.expect.violations, brokenRuleIds(checkSchedule(scenario)));
    case 'plan':
      return compareRuleSets(scenario.expect.violations, brokenRuleIds(checkPlan(scenario)));
  }
}

type MoneyOutcome = Readonly<Record<string, number>> | { readonly error: string };

function chargeOutcome(scenario: ChargeScenario): MoneyOutcome {
  const result = computeCharge({ ...scenario, sessions: expandSessions(scenario.sessions) });
  if (!result.ok) return { error: result.violation.ruleId };
  return { chargeFen: result.chargeFen, exemptFen: result.exemptFen, governmentShareFen: result.governmentShareFen };
}

function refundOutcome(scenario: RefundScenario): MoneyOutcome {
  const result = computeRefund({ ...scenario, sessions: expandSessions(scenario.sessions) });
  return result.ok ? { refundFen: result.refundFen } : { error: result.violation.ruleId };
}

/** Only the fields the scenario names are compared; an expected error must be that error. */
function compareMoney(expected: Readonly<Record<string, unknown>>, actual: Readonly<Record<string, unknown>>): ScenarioOutcome {
  const passed = 'error' in expected === 'error' in actual && Object.entries(expected).every(([key, value]) => actual[key] === value);
  return { passed, expected, actual };
}

/** The SET of rule ids is compared: order and repeats (one per activity or block) do not matter. */
function compareRuleSets(expected: readonly string[], actual: readonly string[]): ScenarioOutcome {
  const want = [...new Set(expected)].sort();
  const got = [...new Set(actual)].sort();
  const passed = want.length === got.length && want.every((id, index) => id === got[index]);
  return { passed, expected: { violations: want }, actual: { violations: got } };
}
