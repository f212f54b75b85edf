import type { SubscribeMessage } from '../cloud/sdk';
import { chinaLongDateTime } from '../domain/china-time';

/**
 * Subscription-message templates. Each template id is the one chosen in the mini-program's admin
 * console (订阅消息 → 公共模板库); replace the placeholders with your own ids when deploying. The
 * keyword keys (thing1, phrase2 …) must match the template's keywords, and each value is cut to
 * its keyword kind's limit here, once. Locally every message lands in the outbox (/outbox).
 */

/** WeChat's keyword kinds and their length limits (Chinese characters count one each). */
const KEYWORD_LIMITS = { thing: 20, phrase: 5, character_string: 32, time: 32, amount: 32 } as const;
type KeywordKind = keyof typeof KEYWORD_LIMITS;

interface TemplateDefinition<K extends string> {
  id: string;
  /** The template's title in the public library, for people reading the code and the outbox. */
  title: string;
  keywords: Record<K, KeywordKind>;
}

const template = <K extends string>(id: string, title: string, keywords: Record<K, KeywordKind>): TemplateDefinition<K> => ({ id, title, keywords });

const TEMPLATES = {
  enrollmentStatus: template('tmpl-enrollment-status', '报名进度通知', { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' }),
  enrollmentBinding: template('tmpl-enrollment-binding', '绑定结果通知', { thing1: 'thing', phrase2: 'phrase', thing3: 'thing' }),
  enrollmentAgreement: template('tmpl-enrollment-agreement', '协议签署提醒', { thing1: 'thing', thing2: 'thing', thing3: 'thing' }),
  planReviewResult: template('tmpl-plan-review-result', '审核结果通知', { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' }),
  feedbackAnswered: template('tmpl-feedback-answered', '意见处理结果通知', { thing1: 'thing', thing2: 'thing', time3: 'time' }),
  feeNotice: template('tmpl-fees-notice', '缴费通知', { thing1: 'thing', thing2: 'thing', amount3: 'amount', thing4: 'thing' }),
  feeRefund: template('tmpl-fees-refund', '退费结果通知', { thing1: 'thing', phrase2: 'phrase', amount3: 'amount', thing4: 'thing' }),
  feeReceipt: template('tmpl-fees-receipt', '缴费成功通知', { thing1: 'thing', amount2: 'amount', time3: 'time', character_string4: 'character_string' }),
  reminder: template('tmpl-reminder', '待办事项提醒', { thing1: 'thing', thing2: 'thing', thing3: 'thing', time4: 'time' }),
  serviceDayPickup: template('tmpl-serviceday-pickup', '接送提醒', { thing1: 'thing', thing2: 'thing', time3: 'time' }),
};

export const ENROLLMENT_STATUS_TEMPLATE_ID = TEMPLATES.enrollmentStatus.id;
export const ENROLLMENT_BINDING_TEMPLATE_ID = TEMPLATES.enrollmentBinding.id;
export const ENROLLMENT_AGREEMENT_TEMPLATE_ID = TEMPLATES.enrollmentAgreement.id;
export const PLAN_REVIEW_RESULT_TEMPLATE_ID = TEMPLATES.planReviewResult.id;
export const FEEDBACK_ANSWERED_TEMPLATE_ID = TEMPLATES.feedbackAnswered.id;
export const FEES_NOTICE_TEMPLATE_ID = TEMPLATES.feeNotice.id;
export const FEES_REFUND_TEMPLATE_ID = TEMPLATES.feeRefund.id;
export const FEES_RECEIPT_TEMPLATE_ID = TEMPLATES.feeReceipt.id;
/** The timer's reminders (shared/src/notify/server/reminders). */
export const REMINDER_TEMPLATE_ID = TEMPLATES.reminder.id;
export const SERVICE_DAY_PICKUP_TEMPLATE_ID = TEMPLATES.serviceDayPickup.id;

/** What a parent is asked to accept in the mini-program before applying (wx.requestSubscribeMessage, ≤ 3). */
export const ENROLLMENT_TEMPLATE_IDS = [ENROLLMENT_STATUS_TEMPLATE_ID, ENROLLMENT_BINDING_TEMPLATE_ID, ENROLLMENT_AGREEMENT_TEMPLATE_ID] as const;

/** Cuts `text` to `max` characters, ending in … when cut; an empty text becomes —. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.trim() || '—');
  return chars.length <= max ? chars.join('') : chars.slice(0, max - 1).join('') + '…';
}

/** 2026年11月23日 15:20 in China time (the `time` keyword format). */
export const chinaTime = (date: Date): string => chinaLongDateTime(date);

/** One message of `definition`, every keyword cut to its kind's limit. */
function compose<K extends string>(definition: TemplateDefinition<K>, touser: string, page: string, values: Record<K, string>): SubscribeMessage {
  const data: Record<string, { value: string }> = {};
  for (const key of Object.keys(definition.keywords) as K[]) data[key] = { value: clip(values[key], KEYWORD_LIMITS[definition.keywords[key]]) };
  return { touser, templateId: definition.id, page, data };
}

export function enrollmentStatusMessage(args: { touser: string; childName: string; status: string; note: string; at: Date; page?: string }): SubscribeMessage {
  return compose(TEMPLATES.enrollmentStatus, args.touser, args.page ?? 'parent/home/index', {
    thing1: args.childName,
    phrase2: args.status,
    thing3: args.note,
    time4: chinaTime(args.at),
  });
}

export function bindingResultMessage(args: { touser: string; childName: string; confirmed: boolean }): SubscribeMessage {
  return compose(TEMPLATES.enrollmentBinding, args.touser, 'parent/home/index', {
    thing1: args.childName,
    phrase2: args.confirmed ? '已确认' : '未通过',
    thing3: args.confirmed ? '可以为孩子报名课后服务了' : '如有疑问请联系班主任',
  });
}

export function agreementReminderMessage(args: { touser: string; childName: string; note: string; applicationId: string }): SubscribeMessage {
  return compose(TEMPLATES.enrollmentAgreement, args.touser, `parent/agreement/index?applicationId=${encodeURIComponent(args.applicationId)}`, {
    thing1: args.childName,
    thing2: '课后服务协议书',
    thing3: args.note,
  });
}

/** Tells the admin who submitted a plan that the bureau approved or returned it. */
export function planReviewResultMessage(args: {
  touser: string;
  schoolName: string;
  approved: boolean;
  comments: string;
  at: Date;
  page: string;
}): SubscribeMessage {
  return compose(TEMPLATES.planReviewResult, args.touser, args.page, {
    thing1: `${args.schoolName}课后服务方案备案`,
    phrase2: args.approved ? '已通过' : '已退回',
    thing3: args.comments || (args.approved ? '可以公开方案了' : '请按意见修改后重新提交'),
    time4: chinaTime(args.at),
  });
}

/** Tells the author of feedback that the committee answered it. */
export function feedbackAnsweredMessage(args: { touser: string; topic: string; answer: string; at: Date }): SubscribeMessage {
  return compose(TEMPLATES.feedbackAnswered, args.touser, 'parent/feedback/index', { thing1: args.topic, thing2: args.answer, time3: chinaTime(args.at) });
}

/** Tells a guardian a fee notice was issued for their child (the page shows every line and clause). */
export function feeNoticeMessage(args: { touser: string; childName: string; periodText: string; amountYuan: string; note: string }): SubscribeMessage {
  return compose(TEMPLATES.feeNotice, args.touser, 'parent/fees/index', {
    thing1: args.childName,
    thing2: `课后服务费 ${args.periodText}`,
    amount3: args.amountYuan,
    thing4: args.note,
  });
}

/** Tells a guardian how the school decided a refund application. */
export function refundDecisionMessage(args: { touser: string; childName: string; approved: boolean; amountYuan: string }): SubscribeMessage {
  return compose(TEMPLATES.feeRefund, args.touser, 'parent/fees/index', {
    thing1: args.childName,
    phrase2: args.approved ? '已同意' : '未同意',
    amount3: args.amountYuan,
    thing4: args.approved ? '按退费办法计算，详见收费通知' : '如有疑问请联系学校',
  });
}

/** Tells a guardian money went back to where it came from (a refund paid out). */
export function refundPaidMessage(args: { touser: string; childName: string; amountYuan: string }): SubscribeMessage {
  return compose(TEMPLATES.feeRefund, args.touser, 'parent/fees/index', {
    thing1: args.childName,
    phrase2: '已退回',
    amount3: args.amountYuan,
    thing4: '已原路退回微信零钱或银行卡',
  });
}

/** The receipt of a payment, to the guardian who paid. */
export function paymentReceiptMessage(args: { touser: string; childName: string; amountYuan: string; at: string; reference: string }): SubscribeMessage {
  return compose(TEMPLATES.feeReceipt, args.touser, 'parent/fees/index', {
    thing1: args.childName,
    amount2: args.amountYuan,
    time3: chinaTime(new Date(args.at)),
    character_string4: args.reference,
  });
}

export function reminderMessage(args: { touser: string; subject: string; about: string; note: string; due: string; page: string }): SubscribeMessage {
  return compose(TEMPLATES.reminder, args.touser, args.page, { thing1: args.subject, thing2: args.about, thing3: args.note, time4: args.due });
}

/** Tells a guardian (or the class teacher, with the class as `childName`) that a child is still waiting after the service ended. */
export function uncollectedChildMessage(args: { touser: string; childName: string; note: string; at: Date; page: string }): SubscribeMessage {
  return compose(TEMPLATES.serviceDayPickup, args.touser, args.page, { thing1: args.childName, thing2: args.note, time3: chinaTime(args.at) });
}
