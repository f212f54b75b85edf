import { DEMO, DEMO_IDS, startTestCloud, type TestCloud } from '../support/runtime';
import { applyFor, XIAOMING } from './enrollment-fixtures';

let cloud: TestCloud;
afterEach(() => cloud.close());

const STATUS = 'tmpl-enrollment-status';
const queuedBatches = async () => (await cloud.db.collection('messageQueue').where({ kind: 'batch', status: 'queued' }).get()).data as any[];

describe('the message queue: actions queue, the messages function sends', () => {
  beforeEach(async () => {
    cloud = await startTestCloud();
  });

  it('applying queues one message per guardian; nothing is sent inside the action; the drain sends each once', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    expect(cloud.runtime.outbox.list()).toHaveLength(0);
    const [batch, ...more] = await queuedBatches();
    expect(more).toHaveLength(0);
    expect(batch.messages.map((m: any) => m.touser).sort()).toEqual([DEMO.parent, DEMO.secondGuardian].sort());

    expect(await cloud.runtime.drainMessages()).toMatchObject({ sent: 2, held: 0, batches: 1 });
    expect(await cloud.runtime.drainMessages()).toMatchObject({ sent: 0, batches: 0 });
    const sent = cloud.runtime.outbox.list();
    expect(sent.map((m) => m.touser).sort()).toEqual([DEMO.parent, DEMO.secondGuardian].sort());
    expect(sent.every((m) => m.templateId === STATUS && m.data.thing1.value === '王小明')).toBe(true);
    expect(await queuedBatches()).toHaveLength(0);
  });

  it('the same messages queued again (a retried step) and two drains at once still send each message once', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const [batch] = await queuedBatches();
    // A retry of the action that caused it, after a timeout, queues the same messages again.
    const { _id, ...copy } = batch;
    await cloud.db.collection('messageQueue').add({ data: { ...copy, _id: `${_id}-retry`, seq: `${copy.seq}-1` } });
    const [a, b] = await Promise.all([cloud.runtime.drainMessages(), cloud.runtime.drainMessages()]);
    expect(a.sent + b.sent).toBe(2);
    // Both drains may read the same batches; whichever claims a message's key first sends it.
    expect(a.skipped + b.skipped).toBeGreaterThanOrEqual(2);
    expect(cloud.runtime.outbox.list()).toHaveLength(2);
    expect(await cloud.runtime.drainMessages()).toMatchObject({ sent: 0 });
    expect(cloud.runtime.outbox.list()).toHaveLength(2);
  });

  it('a drain killed after claiming a message: a later step sends it, once, after the claim’s lease', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    // Killed at each round trip in turn until a claim is left 'sending' with nothing sent for it.
    let stranded: any[] = [];
    for (let k = 1; k < 40 && stranded.length === 0; k++) {
      const killed = await cloud.runtime.meter.measure(() => cloud.runtime.drainMessages(), { stopAfter: k }).catch(() => null);
      if (killed && !killed.stopped) break;
      stranded = ((await cloud.db.collection('messageQueue').where({ kind: 'message', status: 'sending' }).get()).data as any[]).filter(
        (r) => !cloud.runtime.outbox.list(r.touser).length,
      );
    }
    expect(stranded.length).toBeGreaterThan(0);
    const who = stranded[0].touser;
    // Within the lease another run may still be sending it: the batch waits, nothing goes twice.
    await cloud.runtime.drainMessages();
    expect(cloud.runtime.outbox.list(who)).toHaveLength(0);
    expect(await queuedBatches()).toHaveLength(1);
    cloud.runtime.clock.advanceDays(2 / 24 / 60);
    await cloud.runtime.drainMessages();
    await cloud.runtime.drainMessages();
    expect(cloud.runtime.outbox.list(who)).toHaveLength(1);
    expect(
      cloud.runtime.outbox
        .list()
        .map((m) => m.touser)
        .sort(),
    ).toEqual([DEMO.parent, DEMO.secondGuardian].sort());
    expect(await queuedBatches()).toHaveLength(0);
  });

  it('one action telling the same person the same thing twice queues it once', async () => {
    // Both children of 王建国 are told about each one's application: one message per child, not per call.
    await applyFor(cloud, DEMO.parent, XIAOMING);
    await cloud.runtime.drainMessages();
    await applyFor(cloud, DEMO.parent, XIAOMING);
    await cloud.runtime.drainMessages();
    expect(cloud.runtime.outbox.list(DEMO.parent)).toHaveLength(1);
  });

  it('a timer event from a signed-in caller sends nothing', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    const answer = await cloud.runtime.call('messages', { Type: 'Timer', TriggerName: 'send' }, DEMO.parent);
    expect(answer).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(cloud.runtime.outbox.list()).toHaveLength(0);
  });

  it('the timer trigger of config.json fires on the runtime clock and sends the queue', async () => {
    await applyFor(cloud, DEMO.parent, XIAOMING);
    expect(cloud.runtime.timers.triggers.map((t) => `${t.functionName}.${t.name}`)).toEqual(expect.arrayContaining(['messages.send', 'payments.reconcile']));
    expect(await cloud.runtime.timers.tick()).toEqual([]);
    cloud.runtime.clock.set(new Date(cloud.runtime.clock.now().getTime() + 3 * 60_000));
    const fired = await cloud.runtime.timers.tick();
    expect(fired.map((f) => `${f.functionName}.${f.name}`)).toContain('messages.send');
    expect(cloud.runtime.outbox.list()).toHaveLength(2);
    // Fired once for the time that passed, not again until the next fire time.
    expect(await cloud.runtime.timers.tick()).toEqual([]);
  });
});

describe('consents: a message is sent only against a consent the person gave', () => {
  beforeEach(async () => {
    cloud = await startTestCloud({ consents: false });
  });

  it('each accepted template counts one consent; rejected ones do not; a message uses one', async () => {
    const tap = {
      moment: 'apply',
      requestId: 'consent-00000001',
      results: { [STATUS]: 'accept', 'tmpl-enrollment-binding': 'reject', 'tmpl-enrollment-agreement': 'accept' },
    };
    const { consents } = await cloud.ok(DEMO.parent, 'messages', 'recordConsents', tap);
    // The same tap sent again (a retry after a timeout) counts nothing more.
    expect((await cloud.ok(DEMO.parent, 'messages', 'recordConsents', tap)).consents).toEqual(consents);
    const left = (id: string, list: any[]) => list.find((c) => c.templateId === id).remaining;
    expect(left(STATUS, consents)).toBe(1);
    expect(left('tmpl-enrollment-binding', consents)).toBe(0);
    const again = await cloud.ok(DEMO.parent, 'messages', 'recordConsents', { moment: 'sign', requestId: 'consent-00000002', results: { [STATUS]: 'accept' } });
    expect(left(STATUS, again.consents)).toBe(2);

    await applyFor(cloud, DEMO.parent, XIAOMING);
    await cloud.runtime.drainMessages();
    const doc = (await cloud.db.collection('messageConsents').doc(`${STATUS}:${DEMO.parent}`).get()).data as any;
    expect(doc).toMatchObject({ remaining: 1, used: 1, accepted: 2 });
  });

  it('bad answers are refused in Chinese and nothing is counted', async () => {
    const bad = await cloud.call(DEMO.parent, 'messages', 'recordConsents', {
      moment: 'apply',
      requestId: 'consent-00000003',
      results: { 'tmpl-made-up': 'accept' },
    });
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/输入有误/) });
    expect(
      await cloud.call(null, 'messages', 'recordConsents', { moment: 'apply', requestId: 'consent-00000004', results: { [STATUS]: 'accept' } }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_SIGNED_IN',
    });
    expect((await cloud.db.collection('messageConsents').count()).total).toBe(0);
  });

  it('without a consent the message is not sent, the parent sees why, and the school and class teacher see who', async () => {
    await cloud.ok(DEMO.parent, 'messages', 'recordConsents', { moment: 'apply', requestId: 'consent-00000005', results: { [STATUS]: 'accept' } });
    await applyFor(cloud, DEMO.parent, XIAOMING);
    expect(await cloud.runtime.drainMessages()).toMatchObject({ sent: 1, held: 1 });
    expect(cloud.runtime.outbox.list(DEMO.parent)).toHaveLength(1);
    expect(cloud.runtime.outbox.list(DEMO.secondGuardian)).toHaveLength(0);

    const mine = await cloud.ok(DEMO.secondGuardian, 'messages', 'listMyMessages');
    expect(mine).toEqual([expect.objectContaining({ title: '报名进度通知', status: 'held', note: expect.stringMatching(/没有允许/) })]);
    expect(await cloud.ok(DEMO.parent, 'messages', 'listMyMessages')).toEqual([
      expect.objectContaining({ status: 'sent', lines: expect.arrayContaining(['王小明']) }),
    ]);

    const school = await cloud.ok(DEMO.admin, 'messages', 'getSchoolReach', { schoolId: DEMO_IDS.suifenheSchool });
    expect(school).toMatchObject({ people: 1, messages: 1, rows: [{ name: '李梅', className: '三年级(2)班', titles: ['报名进度通知'] }] });
    expect(JSON.stringify(school)).not.toContain('王小明');
    expect(await cloud.ok(DEMO.teacher, 'messages', 'getClassReach', { classId: DEMO_IDS.class32 })).toMatchObject({ people: 1 });
    expect(await cloud.call(DEMO.teacher, 'messages', 'getClassReach', { classId: DEMO_IDS.class11 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call(DEMO.otherSchoolAdmin, 'messages', 'getSchoolReach', { schoolId: DEMO_IDS.suifenheSchool })).toMatchObject({ ok: false });
    expect(await cloud.call(DEMO.parent, 'messages', 'getClassReach', { classId: DEMO_IDS.class32 })).toMatchObject({ ok: false });

    // The consent was used: the parent's next message waits for the next one.
    expect((await cloud.db.collection('messageConsents').doc(`${STATUS}:${DEMO.parent}`).get()).data).toMatchObject({ remaining: 0, used: 1 });
  });
});
