import readExcelFile from 'read-excel-file/node';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { TERM } from './enrollment-fixtures';
import { appOf, billedMonth, enrolledClass, issue, record, SCHOOL, weekdaysOf } from './fees-fixtures';

/**
 * Paying in WeChat, through the WeChat Pay stand-in (local-cloud/src/pay): the order is the
 * notice's, the result reaches the `payments` callback function as WeChat sends it (repeated,
 * late, or lost and found by queryOrder), refunds go back the way the money came, and the ledger
 * balances to the fen.
 */
let cloud: TestCloud;
let kids: Awaited<ReturnType<typeof enrolledClass>>;
let month: { key: string; from: string; to: string };
let days: string[];
const noticeOf = (studentId: string, sequence = 1) => `${appOf(studentId)}:${month.key}${sequence > 1 ? `:${sequence}` : ''}`;
const prepayOf = (start: { payment: { package: string } }) => start.payment.package.replace('prepay_id=', '');
const doc = async (collection: string, id: string) => (await cloud.db.collection(collection).where({ _id: id }).get()).data[0] as any;

beforeAll(async () => {
  cloud = await startTestCloud();
  kids = await enrolledClass(cloud);
  month = billedMonth(cloud);
  days = weekdaysOf(month.from, month.to);
  for (const date of days.slice(0, 4)) await record(cloud, date, { [kids.child0]: 120, [kids.child1]: 120, [kids.hardshipChild]: 120 });
  await issue(cloud, month.key);
});
afterAll(() => cloud.close());
afterEach(() => {
  cloud.runtime.pay.mode = { timing: 'normal', times: 1 };
});

describe('paying a notice with WeChat Pay', () => {
  it('the order is the notice’s amount; paying reaches the callback, which records it once however often it comes', async () => {
    cloud.runtime.pay.mode = { timing: 'normal', times: 2 };
    const start = await cloud.ok(kids.parent0, 'fees', 'createPayment', { noticeId: noticeOf(kids.child0) });
    expect(start).toMatchObject({
      amountFen: 3200,
      outTradeNo: expect.stringMatching(/^KH[0-9a-f]{26}01$/),
      payment: { package: expect.stringMatching(/^prepay_id=/), signType: 'MD5' },
    });
    expect(start.outTradeNo.length).toBeLessThanOrEqual(32);
    const answer = await cloud.runtime.pay.settle(prepayOf(start), 'pay', kids.parent0);
    expect(answer.errMsg).toBe('requestPayment:ok');
    // The same order opened on a second phone cannot be paid again.
    expect((await cloud.runtime.pay.settle(prepayOf(start), 'pay', kids.parent0)).errMsg).toBe('requestPayment:fail 该订单已支付');
    const deliveries = cloud.runtime.pay.deliveries.filter((d) => d.event.outTradeNo === start.outTradeNo);
    expect(deliveries.map((d) => d.answer)).toEqual([
      { errcode: 0, errmsg: 'OK' },
      { errcode: 0, errmsg: 'OK' },
    ]);
    expect(await doc('feeNotices', noticeOf(kids.child0))).toMatchObject({ status: 'paid', paidFen: 3200, paymentId: start.outTradeNo });
    expect(await doc('payments', start.outTradeNo)).toMatchObject({
      channel: 'wechat',
      status: 'paid',
      amountFen: 3200,
      payerOpenid: kids.parent0,
      transactionId: expect.any(String),
    });
    expect((await cloud.db.collection('audit').where({ action: 'payments.payment' }).count()).total).toBe(1);
    expect((await cloud.sent(kids.parent0)).filter((m) => m.templateId === 'tmpl-fees-receipt')).toHaveLength(1);
    const view = (await cloud.ok(kids.parent0, 'fees', 'listMyNotices')).notices[0];
    expect(view).toMatchObject({ state: 'paid', canPay: false, receipt: { amountFen: 3200, channel: 'wechat' } });
    expect(await cloud.call(kids.parent0, 'fees', 'createPayment', { noticeId: noticeOf(kids.child0) })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '这份通知已经缴过费了',
    });
  });

  it('a forged callback (a client calling the function, or an order WeChat never saw paid) records nothing', async () => {
    const start = await cloud.ok(kids.parent1, 'fees', 'createPayment', { noticeId: noticeOf(kids.child1) });
    const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: start.outTradeNo, totalFee: start.amountFen, transactionId: 'fake' };
    expect(await cloud.runtime.call('payments', forged, kids.parent1)).toMatchObject({ errcode: 0, errmsg: expect.stringMatching(/ignored/) });
    expect(await cloud.runtime.call('payments', forged, null)).toMatchObject({ errcode: 0 });
    expect(await doc('payments', start.outTradeNo)).toMatchObject({ status: 'created' });
    expect(await doc('feeNotices', noticeOf(kids.child1))).toMatchObject({ status: 'issued' });
  });

  it('a cancelled and a failed payment change nothing; the order stays open to pay later', async () => {
    const start = await cloud.ok(kids.parent1, 'fees', 'createPayment', { noticeId: noticeOf(kids.child1) });
    expect((await cloud.runtime.pay.settle(prepayOf(start), 'cancel', kids.parent1)).errMsg).toBe('requestPayment:fail cancel');
    expect((await cloud.runtime.pay.settle(prepayOf(start), 'fail', kids.parent1)).errMsg).toMatch(/requestPayment:fail/);
    expect(await cloud.ok(kids.parent1, 'fees', 'confirmPayment', { noticeId: noticeOf(kids.child1) })).toMatchObject({ state: 'due', receipt: null });
    const again = await cloud.ok(kids.parent1, 'fees', 'createPayment', { noticeId: noticeOf(kids.child1) });
    expect(again.outTradeNo).toBe(start.outTradeNo);
  });

  it('a late callback: the page asks WeChat Pay (queryOrder) and shows 已缴费 at once; the callback arriving later changes nothing', async () => {
    cloud.runtime.pay.mode = { timing: 'late', times: 1 };
    const start = await cloud.ok(kids.parent1, 'fees', 'createPayment', { noticeId: noticeOf(kids.child1) });
    await cloud.runtime.pay.settle(prepayOf(start), 'pay', kids.parent1);
    expect(await doc('feeNotices', noticeOf(kids.child1))).toMatchObject({ status: 'issued' });
    const confirmed = await cloud.ok(kids.parent1, 'fees', 'confirmPayment', { noticeId: noticeOf(kids.child1) });
    expect(confirmed).toMatchObject({ state: 'paid', receipt: { amountFen: 3200, channel: 'wechat' } });
    const before = await doc('feeNotices', noticeOf(kids.child1));
    expect(await cloud.runtime.pay.deliverLate()).toBe(1);
    expect(await doc('feeNotices', noticeOf(kids.child1))).toEqual(before);
  });

  it('a fully waived notice asks for nothing: no order is opened', async () => {
    expect(await cloud.call(DEMO.parent, 'fees', 'createPayment', { noticeId: noticeOf(kids.hardshipChild) })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: '这份通知无需缴费',
    });
    expect(await cloud.call(DEMO.secondGuardian, 'fees', 'createPayment', { noticeId: noticeOf(kids.hardshipChild) })).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    });
  });
});

describe('two payments reaching one notice, refunds back to WeChat', () => {
  it('an order paid after the notice was corrected is a duplicate: recorded, and refunded in full through WeChat Pay', async () => {
    // A family with a notice still due: the fourth child, added with a day attended.
    const [[parent, child]] = await (await import('./enrollment-fixtures')).addFamilies(cloud, 1, 5);
    const { approvedApplication, listAndFix, signAgreement } = await import('./enrollment-fixtures');
    const { backdateActivation, termOf } = await import('./fees-fixtures');
    await approvedApplication(cloud, parent, child);
    await listAndFix(cloud);
    await signAgreement(cloud, parent, appOf(child));
    await backdateActivation(cloud, appOf(child), `${(await termOf(cloud)).startDate}T00:30:00.000Z`);
    await record(cloud, days[5], { [child]: 120 }, '补录');
    await issue(cloud, month.key);
    const first = noticeOf(child);
    expect(await doc('feeNotices', first)).toMatchObject({ status: 'issued', dueFen: 800 });

    // Two phones open the notice at once: one order between them.
    const twoGuardians = await Promise.all([
      cloud.ok(parent, 'fees', 'createPayment', { noticeId: first }),
      cloud.ok(parent, 'fees', 'createPayment', { noticeId: first }),
    ]);
    expect(twoGuardians[0].outTradeNo).toBe(twoGuardians[1].outTradeNo);

    // The school corrects the month before the parent pays the open order.
    await record(cloud, days[6], { [child]: 120 }, '补录');
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { schoolId: SCHOOL, termId: TERM, periodKey: month.key });
    await cloud.ok(DEMO.admin, 'fees', 'issueCorrections', {
      schoolId: SCHOOL,
      termId: TERM,
      periodKey: month.key,
      digest: preview.digest,
      reason: '补录考勤',
    });
    await cloud.runtime.pay.settle(prepayOf(twoGuardians[0]), 'pay', parent);

    const payment = await doc('payments', twoGuardians[0].outTradeNo);
    expect(payment).toMatchObject({ status: 'paid', duplicate: true, refundedFen: 800 });
    expect(await doc('feeNotices', first)).toMatchObject({ status: 'issued', supersededBy: noticeOf(child, 2) });
    const order = cloud.runtime.pay.order(twoGuardians[0].outTradeNo)!;
    expect(order.refunds).toEqual([expect.objectContaining({ refundFee: 800, status: 'SUCCESS' })]);
    const payouts = (await cloud.db.collection('refundPayouts').where({ paymentId: payment._id }).get()).data as any[];
    expect(payouts).toEqual([expect.objectContaining({ status: 'paid', amountFen: 800, refundId: `duplicate:${payment._id}` })]);
    // The correction is what the family pays now.
    expect(await doc('feeNotices', noticeOf(child, 2))).toMatchObject({ status: 'issued', dueFen: 1600 });
  });

  it('a correction lowering a WeChat-paid month pays the difference back through WeChat Pay, confirmed by the refund callback', async () => {
    await record(cloud, days[0], { [kids.child0]: 0 }, '当天请假未到');
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { schoolId: SCHOOL, termId: TERM, periodKey: month.key });
    await cloud.ok(DEMO.admin, 'fees', 'issueCorrections', {
      schoolId: SCHOOL,
      termId: TERM,
      periodKey: month.key,
      digest: preview.digest,
      reason: '考勤更正',
    });
    const refund = await doc('refunds', noticeOf(kids.child0, 2));
    expect(refund).toMatchObject({ kind: 'correction', refundFen: 800, payout: { status: 'paid', paidFen: 800, channel: 'wechat' } });
    const paid = await doc('payments', (await doc('feeNotices', noticeOf(kids.child0))).paymentId);
    expect(paid.refundedFen).toBe(800);
    expect((await cloud.sent(kids.parent0)).filter((m) => m.templateId === 'tmpl-fees-refund').at(-1)).toMatchObject({
      data: { phrase2: { value: '已退回' }, amount3: { value: '8.00元' } },
    });
  });

  it('paid at the office: the school records it with a reference, and a refund of it is paid back by hand', async () => {
    const child = kids.child1;
    // child1's month was paid by WeChat above; its correction asks for more, paid at the office.
    await record(cloud, days[7], { [child]: 120 }, '补录');
    const preview = await cloud.ok(DEMO.admin, 'fees', 'previewNotices', { schoolId: SCHOOL, termId: TERM, periodKey: month.key });
    await cloud.ok(DEMO.admin, 'fees', 'issueCorrections', {
      schoolId: SCHOOL,
      termId: TERM,
      periodKey: month.key,
      digest: preview.digest,
      reason: '补录考勤',
    });
    const second = noticeOf(child, 2);
    expect(await doc('feeNotices', second)).toMatchObject({ dueFen: 800, paidBeforeFen: 3200 });
    const recorded = await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: second, method: 'transfer', reference: 'ZZ20261130001' });
    expect(await doc('payments', recorded.paymentId)).toMatchObject({ channel: 'offline', method: 'transfer', reference: 'ZZ20261130001', amountFen: 800 });
    expect(await cloud.ok(DEMO.admin, 'fees', 'recordOfflinePayment', { noticeId: second, method: 'cash', reference: 'again' })).toMatchObject({
      existing: true,
    });
  });
});

describe('the ledger (专账) balances to the fen', () => {
  it('after a mixed month — WeChat and offline payments, a waiver, corrections, refunds — every check holds, each figure drills to its documents', async () => {
    const ledger = await cloud.ok(DEMO.admin, 'fees', 'getLedger', { schoolId: SCHOOL, termId: TERM, periodKey: month.key });
    // Sums computed here from the raw documents.
    const notices = (await cloud.db.collection('feeNotices').where({ periodKey: month.key }).get()).data as any[];
    const current = notices.filter((n) => !n.supersededBy);
    const payments = ((await cloud.db.collection('payments').get()).data as any[]).filter((p) => p.status === 'paid' && !p.duplicate);
    expect(ledger.totals).toMatchObject({
      notices: current.length,
      grossFen: current.reduce((t, n) => t + n.grossFen, 0),
      waivedFen: current.reduce((t, n) => t + n.exemptFen, 0),
      chargedFen: current.reduce((t, n) => t + n.chargeFen, 0),
      paidWechatFen: payments.filter((p) => p.channel === 'wechat').reduce((t, p) => t + p.amountFen, 0),
      paidOfflineFen: 800,
      correctionRefundsFen: 800,
      duplicateFen: 800,
    });
    expect(ledger.totals.waivedFen).toBeGreaterThan(0);
    expect(ledger.totals.governmentShareFen).toBe(ledger.totals.waivedFen / 2);
    expect(ledger.checks.map((c: any) => [c.label, c.ok])).toEqual(ledger.checks.map((c: any) => [c.label, true]));
    expect(ledger).toMatchObject({ balanced: true, unmatched: { payments: 0, notices: 0 } });
    const wechat = await cloud.ok(DEMO.admin, 'fees', 'listLedgerEntries', { schoolId: SCHOOL, termId: TERM, periodKey: month.key, figure: 'paid-wechat' });
    expect(wechat.rows.reduce((t: number, r: any) => t + r.amountFen, 0)).toBe(ledger.totals.paidWechatFen);
    const waived = await cloud.ok(DEMO.admin, 'fees', 'listLedgerEntries', { schoolId: SCHOOL, termId: TERM, periodKey: month.key, figure: 'waived' });
    expect(waived.rows.map((r: any) => r.studentName)).toEqual(['王小明']);
  });

  it('a paid notice with no payment behind it shows in the reconciliation, and a check fails', async () => {
    const stray = noticeOf(kids.pendingChild);
    await cloud.db.collection('feeNotices').add({
      data: {
        ...(await doc('feeNotices', noticeOf(kids.child0))),
        _id: stray,
        supersededBy: undefined,
        status: 'paid',
        paymentId: 'nothing',
        paidFen: 100,
        sequence: 1,
      },
    });
    const ledger = await cloud.ok(DEMO.admin, 'fees', 'getLedger', { schoolId: SCHOOL, termId: TERM, periodKey: month.key });
    expect(ledger.unmatched.notices).toBe(1);
    expect(ledger.balanced).toBe(false);
    await cloud.db.collection('feeNotices').doc(stray).remove();
  });
});

describe('Excel for the school office', () => {
  const open = async (file: { fileId: string; fileName: string; url: string }) => {
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(file.url).toMatch(/^\/files\//);
    return readExcelFile(cloud.runtime.storage.read(file.fileId)!);
  };

  it('the ledger file: every notice with its amounts in yuan, the payments, and the totals and checks', async () => {
    const sheets = await open(await cloud.ok(DEMO.admin, 'fees', 'exportLedger', { schoolId: SCHOOL, termId: TERM, periodKey: month.key }));
    expect(sheets.map((s) => s.sheet)).toEqual(['收费通知', '缴费记录', '汇总与核对']);
    const [header, ...rows] = sheets[0].data;
    expect(header).toEqual([
      '收费期间',
      '班级',
      '学生',
      '通知',
      '应收（元）',
      '减免（元）',
      '其中政府承担（元）',
      '应缴（元）',
      '本次需缴（元）',
      '状态',
      '发出日期',
      '缴费日期',
    ]);
    const xiaoming = rows.find((r) => r[2] === '王小明')!;
    expect(xiaoming.slice(4, 10)).toEqual([32, 32, 16, 0, 0, '无需缴费']);
    expect((xiaoming[10] as unknown as Date).toISOString().slice(0, 10)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ledger = await cloud.ok(DEMO.admin, 'fees', 'getLedger', { schoolId: SCHOOL, termId: TERM, periodKey: month.key });
    expect(rows.at(-1)).toEqual([
      '合计（现行通知）',
      null,
      null,
      null,
      ledger.totals.grossFen / 100,
      ledger.totals.waivedFen / 100,
      ledger.totals.governmentShareFen / 100,
      ledger.totals.chargedFen / 100,
      ledger.totals.outstandingFen / 100,
      null,
      null,
      null,
    ]);
    const checks = sheets[2].data.slice(1).filter((r) => typeof r[2] === 'string');
    expect(checks).toHaveLength(4);
    expect(checks.every((r) => r[2] === '相符')).toBe(true);
  });

  it('refunds, spending and a month’s attendance grid', async () => {
    const refunds = await open(await cloud.ok(DEMO.admin, 'fees', 'exportRefunds', { schoolId: SCHOOL, termId: TERM }));
    const child0 = (await doc('feeNotices', noticeOf(kids.child0))).studentName;
    expect(refunds[0].data[0]).toEqual(['收费期间', '学生', '类型', '原因', '状态', '退费金额（元）', '已退回（元）', '申请日期', '退回日期']);
    expect(refunds[0].data.slice(1).map((r) => [r[1], r[2], r[4], r[5], r[6]])).toContainEqual([child0, '更正退费', '已同意', 8, 8]);

    await cloud.ok(DEMO.admin, 'fees', 'recordSpending', {
      schoolId: SCHOOL,
      requestId: 'spend-0001-abcd',
      date: month.to,
      category: 'staff-pay',
      payeeType: 'school-staff',
      payee: '陈老师',
      description: '三年级(2)班看护课时补助',
      amountFen: 48000,
      classHours: 16,
    });
    await cloud.ok(DEMO.admin, 'fees', 'recordSpending', {
      schoolId: SCHOOL,
      requestId: 'spend-0001-abcd',
      date: month.to,
      category: 'staff-pay',
      payeeType: 'school-staff',
      payee: '陈老师',
      description: '三年级(2)班看护课时补助',
      amountFen: 48000,
      classHours: 16,
    });
    const year = Number(month.from.slice(5, 7)) >= 8 ? Number(month.from.slice(0, 4)) : Number(month.from.slice(0, 4)) - 1;
    expect((await cloud.ok(DEMO.admin, 'fees', 'listSpending', { schoolId: SCHOOL, year })).rows).toHaveLength(1);
    const spending = await open(await cloud.ok(DEMO.admin, 'fees', 'exportSpending', { schoolId: SCHOOL, year }));
    expect(spending[0].data[1].slice(1)).toEqual(['教职工课时补助', '本校教职工', '陈老师', '三年级(2)班看护课时补助', 16, 480]);
    expect(spending[0].data.at(-1)).toEqual(['合计', null, null, null, null, null, 480]);

    const grid = await open(
      await cloud.ok(DEMO.admin, 'fees', 'exportAttendance', { schoolId: SCHOOL, termId: TERM, periodKey: month.key, classId: 'class-sfh-3-2' }),
    );
    expect(grid[0].sheet).toBe('三年级(2)班');
    expect(grid[0].data[0]).toEqual(['学生', ...days.map((d) => d.slice(5)), '合计（分钟）']);
    const xiaoming = grid[0].data.find((r) => r[0] === '王小明')!;
    expect(xiaoming.slice(1, 5)).toEqual([120, 120, 120, 120]);
    expect(xiaoming.at(-1)).toBe(480);
  });
});
