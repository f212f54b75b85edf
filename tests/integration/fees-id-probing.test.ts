import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { appOf, billedMonth, enrolledClass, issue, record, weekdaysOf } from './fees-fixtures';

/**
 * Notice and refund ids are natural keys (`<child>:<term>:<period>`), so a stranger can write one
 * down. They must learn nothing from it: whether that child was billed, paid or asked for a refund.
 * Every action that takes such an id answers a caller outside its scope exactly as it answers a
 * made-up id, and writes nothing.
 */
let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
let billed: string;
let refunded: string;
let neverBilled: string;

beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  const month = billedMonth(cloud);
  for (const date of weekdaysOf(month.from, month.to).slice(0, 3)) await record(cloud, date, { [kids.child0]: 120, [kids.child1]: 120 });
  await issue(cloud, month.key);
  billed = `${appOf(kids.child0)}:${month.key}`;
  refunded = `${appOf(kids.child1)}:${month.key}`;
  neverBilled = `${appOf(kids.pendingChild)}:${month.key}`;
  await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: refunded, method: 'cash', reference: '现金收讫' });
  await cloud.ok(kids.parent1, 'fees', 'requestRefund', { noticeId: refunded, reason: '孩子生病请长假' });
});
afterAll(() => cloud.close());

const fingerprint = async () => {
  const counts: number[] = [];
  for (const name of ['feeNotices', 'payments', 'refunds', 'refundPayouts', 'audit']) counts.push((await cloud.db.collection(name).count()).total);
  return counts.join(',');
};

describe('a guessed notice or refund id tells a stranger nothing', () => {
  const probes: { who: string; openid: () => string; action: string; data: (id: string) => Record<string, unknown> }[] = [
    { who: 'a parent of the same school', openid: () => kids.pendingParent, action: 'createPayment', data: (noticeId) => ({ noticeId }) },
    { who: 'a parent of the same school', openid: () => kids.pendingParent, action: 'confirmPayment', data: (noticeId) => ({ noticeId }) },
    { who: 'a parent of the same school', openid: () => kids.pendingParent, action: 'requestRefund', data: (noticeId) => ({ noticeId, reason: '试试看' }) },
    { who: 'a parent of another school', openid: () => DEMO.otherSchoolParent, action: 'createPayment', data: (noticeId) => ({ noticeId }) },
    {
      who: 'the admin of another school',
      openid: () => DEMO.otherSchoolAdmin,
      action: 'recordOfflinePayment',
      data: (noticeId) => ({ noticeId, method: 'cash', reference: 'x123' }),
    },
    { who: 'the admin of another school', openid: () => DEMO.otherSchoolAdmin, action: 'decideRefund', data: (refundId) => ({ refundId, approve: false }) },
    {
      who: 'the admin of another school',
      openid: () => DEMO.otherSchoolAdmin,
      action: 'recordOfflineRefund',
      data: (refundId) => ({ refundId, reference: 'x123' }),
    },
  ];

  it.each(probes)(
    '$who calling $action: a billed, a paid-and-refund-requested, a never-billed and a made-up id get one answer',
    async ({ openid, action, data }) => {
      const before = await fingerprint();
      const answers = [];
      for (const id of [billed, refunded, neverBilled, 'no-such-notice:2000-01']) answers.push(await cloud.call(openid(), 'fees', action, data(id)));
      expect(answers[0]).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
      expect(await fingerprint()).toBe(before);
    },
  );

  it('the family itself still reaches its own notice and refund (the probe is not refusing everyone)', async () => {
    expect(await cloud.call(kids.parent0, 'fees', 'confirmPayment', { noticeId: billed })).toMatchObject({ ok: true });
    const mine = await cloud.ok(kids.parent1, 'fees', 'listMyNotices');
    expect(mine.notices.map((n: any) => n.noticeId ?? n.id)).toContain(refunded);
  });
});
