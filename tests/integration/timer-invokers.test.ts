import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';

/**
 * A function's timer and WeChat Pay's callback run only when WeChat's context says WeChat started
 * them (SOURCE wx_trigger / wx_paycallback): a client can send `{ Type: 'Timer' }` by calling the
 * function by name, signed in or not (the local server's /api/functions takes a signed-out call).
 */
let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const summaries = async () => (await cloud.db.collection('schoolSummaries').count()).total;

describe('timers run only for WeChat’s trigger', () => {
  it.each([null, DEMO.parent, DEMO.admin])('a timer event from a client (%s) runs no timer and changes nothing', async (openid) => {
    const before = await summaries();
    for (const name of ['bureau', 'messages', 'serviceday'] as const) {
      const answer = await cloud.runtime.call<any>(name, { Type: 'Timer', TriggerName: 'x' }, openid);
      expect(answer.ok).toBe(false);
    }
    expect(await summaries()).toBe(before);
    const pay = await cloud.runtime.call<any>('payments', { Type: 'Timer' }, openid);
    expect(pay).toMatchObject({ errcode: 0, errmsg: expect.stringMatching(/ignored/) });
  });

  it('the same event from the trigger runs it', async () => {
    const before = await summaries();
    const answer = await cloud.runtime.trigger<any>('bureau');
    expect(answer.ok).toBe(true);
    expect(await summaries()).toBeGreaterThan(before);
    expect(await cloud.runtime.trigger<any>('messages', { TriggerName: 'send' })).toMatchObject({ ok: true });
    expect(await cloud.runtime.trigger<any>('serviceday', { TriggerName: 'uncollected' })).toMatchObject({ ok: true });
    expect(await cloud.runtime.trigger<any>('payments')).toMatchObject({ errcode: 0, errmsg: 'OK' });
  });
});
