import { maskName } from './mask';

describe('maskName (children’s names never appear in full on public pages)', () => {
  it.each([
    ['张小明', '张*明'],
    ['王芳', '王*'],
    ['欧阳娜娜', '欧**娜'],
    ['李', '*'],
    [' 赵一 ', '赵*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
