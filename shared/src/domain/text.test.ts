import { cleanLine, cleanText, freeTextSchema, lineSchema } from './text';

describe('text cleaned on input', () => {
  it('a name loses bidi overrides, zero-width characters, controls and newlines', () => {
    expect(cleanLine('王\u202E建国')).toBe('王建国');
    expect(cleanLine('王建国\n李梅')).toBe('王建国 李梅');
    expect(cleanLine('\u200B王\u200D小\uFEFF明\u2066')).toBe('王小明');
    expect(cleanLine('Zhang\u0000\u0007 \u0085 Wei\u009B')).toBe('Zhang Wei');
    expect(cleanLine('  阿依·古丽  ')).toBe('阿依·古丽');
  });

  it('free text keeps its paragraphs, nothing else invisible', () => {
    expect(cleanText('孩子发烧\r\n\r\n\r\n明天\u202E再去  学校\u200B')).toBe('孩子发烧\n\n明天再去 学校');
    expect(cleanText('\t第一行\u2028第二行 ')).toBe('第一行\n第二行');
  });

  it('limits are checked on the cleaned text: invisible padding never passes a minimum', () => {
    const name = lineSchema({ min: 1, max: 4, minMessage: '请填写姓名' });
    expect(name.parse(' 王\u202E建国\n')).toBe('王建国');
    const empty = name.safeParse('\u200B\u202E\n');
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0].message).toBe('请填写姓名');
    expect(name.safeParse('王建国王建国').success).toBe(false);
    const reason = freeTextSchema({ min: 2, max: 10 });
    expect(reason.safeParse('病\u200B').success).toBe(false);
    expect(reason.parse('生病\n发烧')).toBe('生病\n发烧');
    expect(reason.safeParse(12).success).toBe(false);
  });
});
