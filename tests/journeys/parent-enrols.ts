import { APPLICATION_STATUS_LABELS, CONSENT_ASKS } from '@kehou/shared';
import { DEMO_IDS } from '../../local-cloud/src/seed-ids';
import type { World } from './driver';

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;
const CLASS = DEMO_IDS.class32;
const APPLICATION = `stu-sfh-30202:${TERM}`;
const ENROL_CARD = `/parent/enrol/index?schoolId=${SCHOOL}&termId=${TERM}`;

/**
 * A parent from the class-group card: 新家长 opens the school's shared enrolment page, binds to 朱可馨
 * (三年级(2)班, 学号 30202) with the class code, the class teacher confirms; from the card again
 * the parent applies (in WeChat, asked at the tap to be told of changes), follows the status while
 * the teacher reviews and the school approves, publishes the agreement and posts the list; the
 * public page shows the masked name only; a day later the list is fixed, the parent reads and signs
 * the agreement, checks the signature and the child is active.
 */
export async function parentEnrolsFromTheClassGroupCard(world: World) {
  // 1. The card in the class group: no child at this school yet, so the page leads to binding.
  const parent = await world.as('新家长');
  await parent.open(ENROL_CARD);
  await parent.see('还没有绑定在本校读书的孩子');
  await parent.keep('parent-enrol');
  await parent.tap('.enrol-bind');
  await parent.see('班级码由班主任在班级群里发布');
  await parent.fill('.field', '朱可馨', '孩子姓名');
  await parent.fill('.field', '30202', '学号');
  await parent.fill('.field', 'SFH302', '班级码');
  await parent.fill('.field', '新家长', '您的姓名');
  await parent.tap('.relation-chip', '母亲');
  await parent.tap('.submit-bind');
  await parent.see('已提交，等待班主任确认');
  await parent.keep('parent-bind-sent');
  // Back to the school's enrolment page, which now says whom it waits for.
  await parent.tap('.bind-back-to-enrol');
  await parent.see('等待班主任确认绑定');

  // 2. 陈老师 confirms the binding.
  const teacher = await world.as('陈老师');
  await teacher.open(`/teacher/class/index?classId=${CLASS}`);
  const request = teacher.within('.binding-request', '朱可馨');
  await request.see('申请人：新家长（母亲）');
  await teacher.keep('teacher-class');
  await request.tap('.binding-request-confirm');
  await teacher.see('确认后，新家长可以为朱可馨报名', '.kehou-confirm');
  await teacher.confirm();
  await teacher.see('没有待确认的绑定。', '.pending-bindings');

  // 3. From the card again: nothing is pre-selected; the parent chooses days, an item and the pick-up.
  await parent.open(ENROL_CARD);
  await parent.tap('.enrol-apply');
  await parent.see('为朱可馨报名课后服务');
  expect(await parent.count('.chip-on, .choice-card-on')).toBe(0);
  await parent.tap('.day-chip', '周一');
  await parent.tap('.day-chip', '周三');
  await parent.tap('.item-choice', '基础托管');
  await parent.tap('.pickup-choice', '由家长或指定的人到校接');
  await parent.fill('.picker-name', '新家长');
  await parent.fill('.picker-relation', '母亲');
  await parent.fill('.picker-phone', '13900000099');
  await parent.keep('parent-apply');
  await parent.tap('.submit-application');
  await parent.see(APPLICATION_STATUS_LABELS.submitted, '.application-status');
  if (parent.wx) {
    // WeChat asks only from a tap, and before the application is sent (so the first message can go).
    const [asked, ...again] = parent.wx.calls('requestSubscribeMessage').filter((c) => c.route === 'parent/apply/index');
    expect(again).toEqual([]);
    expect(asked).toMatchObject({ duringTap: true, route: 'parent/apply/index', args: { tmplIds: [...CONSENT_ASKS.apply] } });
    // The answers are recorded, so the server can count the consents it may send against.
    expect(parent.wx.calls('cloud.callFunction').filter((c) => c.args.name === 'messages' && c.args.data?.action === 'recordConsents').length).toBeGreaterThan(
      0,
    );
    const applied = parent.wx.calls('cloud.callFunction').filter((c) => c.args.data?.action === 'submitApplication');
    expect(applied).toHaveLength(1);
  }

  // 4. The class teacher passes the first review; the parent follows the status.
  await teacher.open(`/teacher/class/index?classId=${CLASS}`);
  // The whole class in one action (朱可馨 is the one waiting).
  await teacher.see('朱可馨', '.to-review .application-card');
  await teacher.tap('.pass-class');
  await teacher.confirm();
  await teacher.see('没有待初审的报名。', '.to-review');
  await parent.open(`/parent/application/index?applicationId=${encodeURIComponent(APPLICATION)}`);
  await parent.see(APPLICATION_STATUS_LABELS['teacher-reviewed'], '.application-status');
  await parent.keep('parent-application');

  // 5. The admin approves, publishes the agreement and posts the list for one day.
  const admin = await world.as('赵主任');
  await admin.open(`/school/enrollment/agreement/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.see(/取自公开方案第 \d+ 版的内容（不在此修改）/);
  await admin.keep('admin-agreement');
  await admin.tap('.publish-template');
  await admin.confirm();
  await admin.see(/当前第 \d+ 版/);

  await admin.open(`/school/enrollment/review/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await admin.see('朱可馨', '.to-approve .application-card');
  await admin.tap('.approve-all');
  await admin.confirm();
  await admin.see('三年级(2)班 朱可馨', '.to-list');
  await admin.fill('.listing-days', '1');
  await admin.tap('.post-list');
  await admin.confirm();
  await admin.see('公示 1 人，1 天', '.listing');
  await admin.keep('admin-review-listing');
  await parent.open(`/parent/application/index?applicationId=${encodeURIComponent(APPLICATION)}`);
  await parent.see(APPLICATION_STATUS_LABELS.listed, '.application-status');

  // 6. The public page shows the masked name, never the full one.
  const visitor = await world.visitor();
  await visitor.open(`/public/term/index?schoolId=${SCHOOL}&termId=${TERM}`);
  await visitor.see('报名公示名单');
  await visitor.see('朱*馨');
  expect(await visitor.text()).not.toContain('朱可馨');
  await visitor.keep('visitor-public-term');

  // 7. A day later (the local clock moves on) the list is fixed; the parent reads, signs and the child is active.
  await world.moveClock({ advanceDays: 1.01 });
  try {
    await admin.open(`/school/enrollment/review/index?schoolId=${SCHOOL}&termId=${TERM}`);
    await admin.tap('.fix-list');
    await admin.see(/确定名单后/, '.kehou-confirm');
    await admin.confirm();
    // Earlier batches (the demo term's) are fixed already: wait until no batch is left to fix.
    await admin.gone('.fix-list');

    await parent.open(`/parent/application/index?applicationId=${encodeURIComponent(APPLICATION)}`);
    await parent.tap('.agreement-button', '阅读并签署协议');
    await parent.see(/乙方（家长）：新家长（母亲）/);
    // Signing waits until the text is read to its end and the signature is drawn.
    await parent.see('请先读到全文末尾', '.agreement-hint');
    await parent.scrollTo('.agreement-end');
    await parent.see('本机核验：全文与摘要一致', '.verify-box');
    await parent.see('请在上面手写签名', '.agreement-hint');
    await parent.draw('.agreement-pad');
    await parent.tap('.agree-choice');
    await parent.gone('.agreement-hint');
    await parent.tap('.agreement-submit');
    await parent.has('.signed-note');
    await parent.keep('parent-agreement-signed');

    await parent.tap('.signature-row');
    await parent.see('核验通过', '.verification-result');
    // The handwritten signature is kept with the record.
    await parent.has('.signature-image');

    await parent.open('/parent/home/index');
    await parent.within('.child-card', '朱可馨').see(APPLICATION_STATUS_LABELS.active, '.application-status');
    await parent.keep('parent-home');
  } finally {
    await world.moveClock({ reset: true });
  }
}
