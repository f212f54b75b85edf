import type { SubscribeMessage } from '../cloud/sdk';
import { chinaLongDateTime } from '../domain/china-time';

/**
 * Subscription-message templates. Each constant is the template id chosen in the mini-program's
 * admin console (订阅消息 → 公共模板库); replace the placeholders with your own ids when deploying.
 * Field keys (thing1, phrase2 …) must match the template's keywords. Locally every message lands in
 * the outbox (/outbox).
 */

/** 报名进度通知 — thing1 学生姓名, phrase2 办理状态, thing3 备注, time4 更新时间. */
export const ENROLLMENT_STATUS_TEMPLATE_ID = 'tmpl-enrollment-status';
/** 绑定结果通知 — thing1 学生姓名, phrase2 审核结果, thing3 备注. */
export const ENROLLMENT_BINDING_TEMPLATE_ID = 'tmpl-enrollment-binding';
/** 协议签署提醒 — thing1 学生姓名, thing2 协议名称, thing3 备注. */
export const ENROLLMENT_AGREEMENT_TEMPLATE_ID = 'tmpl-enrollment-agreement';

/** What a parent is asked to accept in the mini-program before applying (wx.requestSubscribeMessage, ≤ 3). */
export const ENROLLMENT_TEMPLATE_IDS = [ENROLLMENT_STATUS_TEMPLATE_ID, ENROLLMENT_BINDING_TEMPLATE_ID, ENROLLMENT_AGREEMENT_TEMPLATE_ID] as const;

/** WeChat limits: thing ≤ 20 characters, phrase ≤ 5 (Chinese characters count one each). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.trim() || '—');
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

/** 2026年11月23日 15:20 in China time (the `time` keyword format). */
export const chinaTime = (date: Date): string => chinaLongDateTime(date);

export function enrollmentStatusMessage(args: { touser: string; childName: string; status: string; note: string; at: Date; page?: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: ENROLLMENT_STATUS_TEMPLATE_ID,
    page: args.page ?? 'parent/home/index',
    data: {
      thing1: { value: clip(args.childName, 20) },
      phrase2: { value: clip(args.status, 5) },
      thing3: { value: clip(args.note, 20) },
      time4: { value: chinaTime(args.at) },
    },
  };
}

export function bindingResultMessage(args: { touser: string; childName: string; confirmed: boolean }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: ENROLLMENT_BINDING_TEMPLATE_ID,
    page: 'parent/home/index',
    data: {
      thing1: { value: clip(args.childName, 20) },
      phrase2: { value: args.confirmed ? '已确认' : '未通过' },
      thing3: { value: args.confirmed ? '可以为孩子报名课后服务了' : '如有疑问请联系班主任' },
    },
  };
}

export function agreementReminderMessage(args: { touser: string; childName: string; note: string; applicationId: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: ENROLLMENT_AGREEMENT_TEMPLATE_ID,
    page: `parent/agreement/index?applicationId=${encodeURIComponent(args.applicationId)}`,
    data: {
      thing1: { value: clip(args.childName, 20) },
      thing2: { value: '课后服务协议书' },
      thing3: { value: clip(args.note, 20) },
    },
  };
}

/** 审核结果通知 — thing1 审核事项, phrase2 审核结果, thing3 审核意见, time4 审核时间. */
export const PLAN_REVIEW_RESULT_TEMPLATE_ID = 'tmpl-plan-review-result';

/** Tells the admin who submitted a plan that the bureau approved or returned it. */
export function planReviewResultMessage(args: {
  touser: string;
  schoolName: string;
  approved: boolean;
  comments: string;
  at: Date;
  page: string;
}): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: PLAN_REVIEW_RESULT_TEMPLATE_ID,
    page: args.page,
    data: {
      thing1: { value: clip(`${args.schoolName}课后服务方案备案`, 20) },
      phrase2: { value: args.approved ? '已通过' : '已退回' },
      thing3: { value: clip(args.comments || (args.approved ? '可以公开方案了' : '请按意见修改后重新提交'), 20) },
      time4: { value: chinaTime(args.at) },
    },
  };
}

/** 意见处理结果通知 — thing1 意见类型, thing2 答复内容, time3 答复时间. */
export const FEEDBACK_ANSWERED_TEMPLATE_ID = 'tmpl-feedback-answered';

/** 缴费通知 — thing1 学生姓名, thing2 收费项目, amount3 应缴金额, thing4 备注. */
export const FEES_NOTICE_TEMPLATE_ID = 'tmpl-fees-notice';

/** Tells a guardian a fee notice was issued for their child (the page shows every line and clause). */
export function feeNoticeMessage(args: { touser: string; childName: string; periodText: string; amountYuan: string; note: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: FEES_NOTICE_TEMPLATE_ID,
    page: 'parent/fees/index',
    data: {
      thing1: { value: clip(args.childName, 20) },
      thing2: { value: clip(`课后服务费 ${args.periodText}`, 20) },
      amount3: { value: args.amountYuan },
      thing4: { value: clip(args.note, 20) },
    },
  };
}

/** 退费结果通知 — thing1 学生姓名, phrase2 处理结果, amount3 退费金额, thing4 备注. */
export const FEES_REFUND_TEMPLATE_ID = 'tmpl-fees-refund';

/** Tells a guardian how the school decided a refund application. */
export function refundDecisionMessage(args: { touser: string; childName: string; approved: boolean; amountYuan: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: FEES_REFUND_TEMPLATE_ID,
    page: 'parent/fees/index',
    data: {
      thing1: { value: clip(args.childName, 20) },
      phrase2: { value: args.approved ? '已同意' : '未同意' },
      amount3: { value: args.amountYuan },
      thing4: { value: clip(args.approved ? '按退费办法计算，详见收费通知' : '如有疑问请联系学校', 20) },
    },
  };
}

/** 缴费成功通知 — thing1 学生姓名, amount2 缴费金额, time3 缴费时间, character_string4 交易单号. */
export const FEES_RECEIPT_TEMPLATE_ID = 'tmpl-fees-receipt';

/** The receipt of a payment, to the guardian who paid. */
export function paymentReceiptMessage(args: { touser: string; childName: string; amountYuan: string; at: string; reference: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: FEES_RECEIPT_TEMPLATE_ID,
    page: 'parent/fees/index',
    data: {
      thing1: { value: clip(args.childName, 20) },
      amount2: { value: args.amountYuan },
      time3: { value: chinaTime(new Date(args.at)) },
      character_string4: { value: clip(args.reference, 32) },
    },
  };
}

/** Tells a guardian money went back to where it came from (a refund paid out). */
export function refundPaidMessage(args: { touser: string; childName: string; amountYuan: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: FEES_REFUND_TEMPLATE_ID,
    page: 'parent/fees/index',
    data: {
      thing1: { value: clip(args.childName, 20) },
      phrase2: { value: '已退回' },
      amount3: { value: args.amountYuan },
      thing4: { value: '已原路退回微信零钱或银行卡' },
    },
  };
}

/** 待办事项提醒 — thing1 事项, thing2 对象, thing3 备注, time4 截止时间. The timer's reminders (shared/src/notify/server/reminders). */
export const REMINDER_TEMPLATE_ID = 'tmpl-reminder';

export function reminderMessage(args: { touser: string; subject: string; about: string; note: string; due: string; page: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: REMINDER_TEMPLATE_ID,
    page: args.page,
    data: {
      thing1: { value: clip(args.subject, 20) },
      thing2: { value: clip(args.about, 20) },
      thing3: { value: clip(args.note, 20) },
      time4: { value: clip(args.due, 32) },
    },
  };
}

/** 接送提醒 — thing1 学生姓名, thing2 提醒内容, time3 提醒时间. */
export const SERVICE_DAY_PICKUP_TEMPLATE_ID = 'tmpl-serviceday-pickup';

/** Tells a guardian (or the class teacher, with the class as `childName`) that a child is still waiting after the service ended. */
export function uncollectedChildMessage(args: { touser: string; childName: string; note: string; at: Date; page: string }): SubscribeMessage {
  return {
    touser: args.touser,
    templateId: SERVICE_DAY_PICKUP_TEMPLATE_ID,
    page: args.page,
    data: {
      thing1: { value: clip(args.childName, 20) },
      thing2: { value: clip(args.note, 20) },
      time3: { value: chinaTime(args.at) },
    },
  };
}
