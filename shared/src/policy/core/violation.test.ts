import { brokenRuleIds, RULE_IDS, SCENARIO_RULE_IDS, violation } from './violation';

const cite = { doc: '綦江府办发〔2020〕41号', section: '四(四)' };

describe('violations', () => {
  it("has every rule id of the conformance table (16), then the engine's and the app's own, each once", () => {
    expect(SCENARIO_RULE_IDS).toHaveLength(16);
    expect(RULE_IDS).toContain('budget.per-student');
    expect(RULE_IDS).toContain('refund.no-method');
    expect(RULE_IDS).toContain('fees.setting-not-allowed');
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });

  it('omits path when there is none', () => {
    expect(violation('content.commercial', '不得开展商业活动。', cite)).toEqual({
      ruleId: 'content.commercial',
      message: '不得开展商业活动。',
      citation: cite,
    });
    expect(violation('content.commercial', 'x', cite, 'blocks[0]').path).toBe('blocks[0]');
  });

  it('lists each broken rule once, in first-seen order', () => {
    const found = [violation('provider.not-vetted', 'a', cite), violation('content.commercial', 'b', cite), violation('provider.not-vetted', 'c', cite)];
    expect(brokenRuleIds(found)).toEqual(['provider.not-vetted', 'content.commercial']);
  });
});
