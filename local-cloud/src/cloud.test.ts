import { createRuntime, type LocalRuntime } from './runtime';
import { runAs } from './wx-context';

let runtime: LocalRuntime;
beforeEach(async () => {
  runtime = await createRuntime();
});
afterEach(() => runtime.close());

describe('local cloud: the wx-server-sdk surface besides the database', () => {
  it('getWXContext gives each concurrent invocation its own caller', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c', 'd'].map((openid) =>
        runAs(openid, async () => {
          await new Promise((r) => setTimeout(r, Math.random() * 10));
          return runtime.cloud.getWXContext().OPENID;
        }),
      ),
    );
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(runtime.cloud.getWXContext().OPENID).toBeUndefined();
  });

  it('a caller who is not signed in has no OPENID', async () => {
    expect(await runAs(null, async () => runtime.cloud.getWXContext())).toEqual({ APPID: 'wx-local-kehou', ENV: 'local', SOURCE: 'wx_client' });
  });

  it('subscribeMessage.send records to the outbox and refuses a message without touser', async () => {
    await runtime.cloud.openapi.subscribeMessage.send({
      touser: 'parent-1',
      templateId: 'T1',
      page: 'parent/home/index',
      data: { thing1: { value: '报名已通过' } },
    });
    expect(runtime.outbox.list('parent-1')).toEqual([expect.objectContaining({ templateId: 'T1', data: { thing1: { value: '报名已通过' } } })]);
    await expect(runtime.cloud.openapi.subscribeMessage.send({ touser: '', templateId: 'T1', data: {} })).rejects.toThrow(/invalid touser/);
  });

  it('uploadFile, getTempFileURL and downloadFile round-trip a file', async () => {
    const { fileID } = await runtime.cloud.uploadFile({ cloudPath: 'filings/a b.pdf', fileContent: Buffer.from('%PDF-1') });
    expect(fileID).toBe('cloud://local.kehou/filings/a b.pdf');
    const { fileList } = await runtime.cloud.getTempFileURL({ fileList: [fileID, 'cloud://local.kehou/missing.pdf'] });
    expect(fileList[0]).toMatchObject({ status: 0, tempFileURL: expect.stringMatching(/^\/files\/filings\/a%20b\.pdf\?expires=\d+&sign=/) });
    expect(fileList[1]).toMatchObject({ status: -1 });
    expect((await runtime.cloud.downloadFile({ fileID })).fileContent.toString()).toBe('%PDF-1');
  });

  it('getTempFileURL takes at most 50 files, as in WeChat', async () => {
    await expect(runtime.cloud.getTempFileURL({ fileList: Array(51).fill('cloud://local.kehou/a.pdf') })).rejects.toThrow('at most 50');
  });

  it('a cloudPath cannot escape the storage folder', async () => {
    await expect(runtime.cloud.uploadFile({ cloudPath: '../../etc/passwd', fileContent: Buffer.from('x') })).resolves.toEqual({
      fileID: 'cloud://local.kehou/etc/passwd',
    });
    await expect(runtime.cloud.uploadFile({ cloudPath: '..', fileContent: Buffer.from('x') })).rejects.toThrow(/invalid cloudPath/);
  });

  it('results cross the wire as JSON, as in WeChat (a Date becomes a string)', async () => {
    const echo = await createRuntime({ functions: { echo: async () => ({ ok: true, data: { at: new Date('2026-11-23T00:00:00Z') } }) } });
    expect(await echo.call('echo', {}, 'x')).toEqual({ ok: true, data: { at: '2026-11-23T00:00:00.000Z' } });
    expect(await echo.call('nope', {}, 'x')).toMatchObject({ ok: false, code: 'FUNCTION_NOT_FOUND' });
    await echo.close();
  });
});
