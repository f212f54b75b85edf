import { diffAgreements, lineEdit, PREAMBLE_HEADING, splitSections } from './diff';
import { renderAgreement } from './render';
import type { AgreementFill, AgreementSection } from './types';

const sections: AgreementSection[] = [
  { key: 'rules', heading: '课后服务管理制度', body: '考勤制度。\n门卫登记制度。' },
  { key: 'content', heading: '服务内容', body: '1. 基础托管\n2. 书法社' },
  { key: 'fees', heading: '收费与退费', body: '收费标准：每小时 4 元\n退费办法：按月退' },
];
const template = { schoolName: '一小', termName: '秋季学期', version: 1, sections };
const fill: AgreementFill = {
  childName: '张小明',
  className: '三年级(2)班',
  guardianName: '张父',
  relation: '父亲',
  days: [1, 3],
  items: [{ name: '书法社', kind: 'club', placement: 'waiting' }],
  pickup: { mode: 'alone' },
};
const signed = renderAgreement(template, fill);
const withSections = (next: AgreementSection[], version = 2) => renderAgreement({ ...template, version, sections: next }, fill);

describe('the section-level difference between a signed agreement and a new version', () => {
  it('splits a rendered agreement into its numbered sections, the parties first', () => {
    expect(splitSections(signed).map((s) => s.heading)).toEqual([
      PREAMBLE_HEADING,
      '课后服务管理制度',
      '服务内容',
      '收费与退费',
      '乙方为学生自愿选择的内容',
      '其他',
    ]);
    expect(splitSections(signed)[2].lines).toEqual(['1. 基础托管', '2. 书法社']);
  });

  it('finds nothing when only the version number moved', () => {
    expect(diffAgreements(signed, renderAgreement({ ...template, version: 2 }, fill))).toEqual([]);
  });

  it('names the changed section with the lines removed and added, the rest unchanged', () => {
    const next = sections.map((s) => (s.key === 'fees' ? { ...s, body: '收费标准：每小时 3 元\n退费办法：按月退' } : s));
    expect(diffAgreements(signed, withSections(next))).toEqual([
      {
        heading: '收费与退费',
        change: 'changed',
        edits: [{ before: '收费标准：每小时 ', removed: '4', added: '3', after: ' 元' }],
        removed: [],
        added: [],
        more: 0,
      },
    ]);
  });

  it('matches sections by heading, so a section added in the middle does not mark the renumbered ones as changed', () => {
    const next = [sections[0], { key: 'safety', heading: '安全保障', body: '考勤与交接。' } as AgreementSection, ...sections.slice(1)];
    expect(diffAgreements(signed, withSections(next))).toEqual([
      { heading: '安全保障', change: 'added', edits: [], removed: [], added: ['考勤与交接。'], more: 0 },
    ]);
    expect(diffAgreements(withSections(next), signed)).toEqual([
      { heading: '安全保障', change: 'removed', edits: [], removed: ['考勤与交接。'], added: [], more: 0 },
    ]);
  });

  it('sees a change in the child’s own choices (a place on the waiting list became a place)', () => {
    const next = renderAgreement({ ...template, version: 2 }, { ...fill, items: [{ name: '书法社', kind: 'club', placement: 'placed' }] });
    expect(diffAgreements(signed, next)).toEqual([
      {
        heading: '乙方为学生自愿选择的内容',
        change: 'changed',
        edits: [{ before: '参加项目：书法社（', removed: '候补中，递补成功后参加', added: '已录取', after: '）' }],
        removed: [],
        added: [],
        more: 0,
      },
    ]);
  });

  it('an edit shows only the words changed, with a little of the unchanged text around them', () => {
    const rule = '课后服务坚持家长自愿参加，不得以任何方式强制或变相强制学生参加。';
    expect(lineEdit(`本校制度如下。${rule}`, `本校制度如下。${rule}（经家委会修订）`)).toEqual({
      before: `…${rule.slice(-24)}`,
      removed: '',
      added: '（经家委会修订）',
      after: '',
    });
    expect(lineEdit('每小时 4 元，按月收取', '每小时 4 元，按学期收取')).toEqual({ before: '每小时 4 元，按', removed: '月', added: '学期', after: '收取' });
  });

  it('stays small: at most three lines a side, each clipped, the rest counted', () => {
    const long = Array.from({ length: 12 }, (_, i) => `第 ${i + 1} 条：${'很长的规定'.repeat(60)}`).join('\n');
    const [change] = diffAgreements(signed, withSections(sections.map((s) => (s.key === 'rules' ? { ...s, body: long } : s))));
    expect(change).toMatchObject({ heading: '课后服务管理制度', change: 'changed' });
    expect(change.removed).toHaveLength(2);
    expect(change.added).toHaveLength(3);
    expect(change.more).toBe(9);
    expect(Math.max(...change.added.map((l) => l.length))).toBeLessThanOrEqual(121);
  });
});
