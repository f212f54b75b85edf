import { localMsgSecCheck } from './content-check';

describe('the local msgSecCheck stand-in answers as WeChat’s version 2 does', () => {
  it('pass for ordinary text, risky with a label for a listed word', async () => {
    await expect(localMsgSecCheck({ openid: 'o', scene: 2, version: 2, content: '孩子发烧，在家休息' })).resolves.toMatchObject({
      errCode: 0,
      result: { suggest: 'pass', label: 100 },
    });
    await expect(localMsgSecCheck({ openid: 'o', scene: 2, version: 2, content: '网上赌博' })).resolves.toMatchObject({
      result: { suggest: 'risky', label: 20006 },
      detail: [expect.objectContaining({ keyword: '赌博' })],
    });
  });

  it('refuses what WeChat refuses: no openid, another version, too long', async () => {
    await expect(localMsgSecCheck({ openid: '', scene: 2, version: 2, content: 'x' })).rejects.toMatchObject({ errCode: 40003 });
    await expect(localMsgSecCheck({ openid: 'o', scene: 2, version: 1 as 2, content: 'x' })).rejects.toMatchObject({ errCode: 47001 });
    await expect(localMsgSecCheck({ openid: 'o', scene: 2, version: 2, content: 'x'.repeat(2501) })).rejects.toMatchObject({ errCode: 47001 });
  });
});
