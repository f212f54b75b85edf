import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SCENARIO_RULE_IDS } from '../core/violation';
import { PROFILE_IDS } from '../profiles/registry';
import { parseScenario } from './evaluate';
import { formatReport, runScenarios } from './runner';

const EXAMPLES = path.resolve(__dirname, '../../../../../shared/conformance/examples');
const OWN_SCENARIOS = path.resolve(__dirname, 'scenarios');

describe('conformance scenarios', () => {
  it('passes all 11 public examples (shared/conformance/examples)', () => {
    expect(formatReport(runScenarios([EXAMPLES]))).toBe('11 passed, 0 failed');
  });

  it('passes this package’s own scenarios', () => {
    const report = runScenarios([OWN_SCENARIOS]);
    expect(report.failed === 0 ? '' : formatReport(report)).toBe('');
  });

  it('own scenarios cover every rule id, every profile and every kind', () => {
    const scenarios = readdirSync(OWN_SCENARIOS).map((file) => {
      const parsed = parseScenario(readFileSync(path.join(OWN_SCENARIOS, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.problem}`);
      return parsed.scenario;
    });
    const expectedIds = new Set(scenarios.flatMap((s) => ('violations' in s.expect ? s.expect.violations : 'error' in s.expect ? [s.expect.error] : [])));
    expect([...SCENARIO_RULE_IDS, 'refund.no-method'].filter((id) => !expectedIds.has(id))).toEqual([]);
    expect(new Set(scenarios.map((s) => s.policy))).toEqual(new Set(PROFILE_IDS));
    expect(new Set(scenarios.map((s) => `${s.policy}:${s.kind}`)).size).toBe(PROFILE_IDS.length * 4);
  });
});
