import { maskName } from './mask';

describe('maskName: one masking for every page where a child’s name must not appear in full', () => {
  it.each([
    // single surnames
    ['王芳', '王*'],
    ['张小明', '张*明'],
    ['李', '*'],
    [' 赵一 ', '赵*'],
    // compound surnames: the given name is hidden, not the second half of the surname
    ['司马光', '司马*'],
    ['欧阳明', '欧阳*'],
    ['欧阳娜娜', '欧阳*娜'],
    ['诸葛亮', '诸葛*'],
    ['上官婉儿', '上官*儿'],
    // a two-character name is a single surname even when it reads like a compound one
    ['欧阳', '欧*'],
    // long names look no longer than short ones
    ['王一二三四五', '王*五'],
    ['爱新觉罗溥仪', '爱*仪'],
    // non-Han names keep their first letter only
    ['阿依古丽·买买提', '阿*'],
    ['买买提 艾力', '买*'],
    ['Emma Watson', 'E*'],
    ['Li', 'L*'],
    ['', '*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('the masked form never contains the given name of a compound-surname child, nor the length of a long name', () => {
    expect(maskName('司马光')).not.toContain('光');
    expect(maskName('王一二三四五').length).toBe(maskName('王小明').length);
  });
});
