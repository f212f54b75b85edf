import { isPersonName, normalizePersonName, personNameProblem, personNameSchema } from './names';

describe('person names', () => {
  it.each(['王小明', '欧阳娜娜', '买买提·艾力', 'Anna Müller', 'José', 'Li Hua', '阿卜杜热合曼·买买提明'])('accepts %s', (name) => {
    expect(isPersonName(name)).toBe(true);
  });

  it.each(['🌸朱妈妈🌸', '王小明1', '张三!', '李@四', '·王', '王·', '王··明', '<b>王</b>', '👍', ''])('refuses %s', (name) => {
    expect(isPersonName(name)).toBe(false);
  });

  it('reads every kind of middle dot as one 「·」 and tidies spaces', () => {
    expect(normalizePersonName(' 买买提 • 艾力 ')).toBe('买买提·艾力');
    expect(normalizePersonName('买买提・艾力')).toBe('买买提·艾力');
    expect(normalizePersonName('Anna   Müller')).toBe('Anna Müller');
  });

  it('says what a name may hold, naming the field', () => {
    expect(personNameProblem('🌸朱妈妈🌸', '接送人姓名')).toBe('接送人姓名只能包含汉字、字母、间隔号「·」和空格，不能有表情、数字或符号');
    expect(personNameProblem('  ', '孩子姓名')).toBe('请填写孩子姓名');
    expect(personNameProblem('王'.repeat(31))).toBe('姓名不能超过 30 个字');
  });

  it('the schema stores the tidied name and refuses emoji with the rule', () => {
    expect(personNameSchema('家长姓名').parse(' 朱 妈妈 ')).toBe('朱 妈妈');
    const refused = personNameSchema('家长姓名').safeParse('🌸朱妈妈🌸');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('不能有表情');
  });
});
