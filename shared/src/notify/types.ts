import { z } from 'zod';
import {
  ENROLLMENT_AGREEMENT_TEMPLATE_ID,
  ENROLLMENT_BINDING_TEMPLATE_ID,
  ENROLLMENT_STATUS_TEMPLATE_ID,
  FEEDBACK_ANSWERED_TEMPLATE_ID,
  FEES_NOTICE_TEMPLATE_ID,
  FEES_RECEIPT_TEMPLATE_ID,
  FEES_REFUND_TEMPLATE_ID,
  PLAN_REVIEW_RESULT_TEMPLATE_ID,
  REMINDER_TEMPLATE_ID,
  SERVICE_DAY_PICKUP_TEMPLATE_ID,
} from './templates';

/** Every subscription-message template the product sends, with the name a person sees. */
export const TEMPLATE_TITLES: Record<string, string> = {
  [ENROLLMENT_STATUS_TEMPLATE_ID]: '报名进度通知',
  [ENROLLMENT_BINDING_TEMPLATE_ID]: '绑定结果通知',
  [ENROLLMENT_AGREEMENT_TEMPLATE_ID]: '协议签署提醒',
  [PLAN_REVIEW_RESULT_TEMPLATE_ID]: '审核结果通知',
  [FEEDBACK_ANSWERED_TEMPLATE_ID]: '意见处理结果通知',
  [FEES_NOTICE_TEMPLATE_ID]: '缴费通知',
  [FEES_REFUND_TEMPLATE_ID]: '退费结果通知',
  [FEES_RECEIPT_TEMPLATE_ID]: '缴费成功通知',
  [REMINDER_TEMPLATE_ID]: '待办事项提醒',
  [SERVICE_DAY_PICKUP_TEMPLATE_ID]: '接送提醒',
};

export const TEMPLATE_IDS = Object.keys(TEMPLATE_TITLES) as [string, ...string[]];

/** Where in the mini-program the consent was asked (each is a tap a parent expects news from). */
export const CONSENT_MOMENTS = ['apply', 'sign', 'notice', 'bind', 'feedback', 'plan', 'home'] as const;
export type ConsentMoment = (typeof CONSENT_MOMENTS)[number];

/**
 * The templates asked for at each tap (`wx.requestSubscribeMessage` takes at most 5): what the
 * person can expect to hear next from there. Every guardian is asked, not only the first.
 */
export const CONSENT_ASKS: Record<ConsentMoment, readonly string[]> = {
  bind: [ENROLLMENT_BINDING_TEMPLATE_ID, ENROLLMENT_STATUS_TEMPLATE_ID],
  apply: [ENROLLMENT_STATUS_TEMPLATE_ID, ENROLLMENT_AGREEMENT_TEMPLATE_ID, FEES_NOTICE_TEMPLATE_ID, REMINDER_TEMPLATE_ID],
  sign: [ENROLLMENT_STATUS_TEMPLATE_ID, ENROLLMENT_AGREEMENT_TEMPLATE_ID, FEES_NOTICE_TEMPLATE_ID, REMINDER_TEMPLATE_ID, SERVICE_DAY_PICKUP_TEMPLATE_ID],
  notice: [FEES_NOTICE_TEMPLATE_ID, FEES_RECEIPT_TEMPLATE_ID, FEES_REFUND_TEMPLATE_ID, REMINDER_TEMPLATE_ID],
  feedback: [FEEDBACK_ANSWERED_TEMPLATE_ID],
  plan: [PLAN_REVIEW_RESULT_TEMPLATE_ID, REMINDER_TEMPLATE_ID],
  home: [ENROLLMENT_STATUS_TEMPLATE_ID, FEES_NOTICE_TEMPLATE_ID, REMINDER_TEMPLATE_ID, SERVICE_DAY_PICKUP_TEMPLATE_ID],
};

/** The answers of a tap where every asked template was accepted (the demo replay, tests). */
export const acceptAll = (moment: ConsentMoment): Record<string, 'accept'> => Object.fromEntries(CONSENT_ASKS[moment].map((id) => [id, 'accept' as const]));

/** What `wx.requestSubscribeMessage` answers for each template id. */
const consentAnswer = z.enum(['accept', 'reject', 'ban', 'filter']).describe('订阅结果');

export const recordConsentsInput = z
  .object({
    moment: z.enum(CONSENT_MOMENTS).describe('询问的时机'),
    /** One per tap: a retry of the same call counts nothing again. */
    requestId: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确')
      .describe('请求编号'),
    results: z
      .record(z.enum(TEMPLATE_IDS).describe('消息模板'), consentAnswer)
      .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 5, '一次最多 5 个消息模板')
      .describe('订阅结果'),
  })
  .strict();

export const schoolReachInput = z.object({ schoolId: z.string().min(1).max(64).describe('学校') }).strict();
export const classReachInput = z.object({ classId: z.string().min(1).max(64).describe('班级') }).strict();

/** A person's consents left per template (one-time consents: each allows one message). */
export interface ConsentCount {
  templateId: string;
  title: string;
  remaining: number;
}

export interface RecordConsentsResult {
  consents: ConsentCount[];
}

/** One message a person was sent (or that could not be sent), as their own list shows it. */
export interface MessageView {
  id: string;
  title: string;
  /** The message's fields, in order, as WeChat shows them. */
  lines: string[];
  page?: string;
  status: 'sent' | 'held' | 'failed';
  /** Why it did not reach them, in words. */
  note?: string;
  at: string;
}

/** Parents (and staff) of a school or class whom messages could not reach: they have not allowed them. */
export interface ReachView {
  /** Distinct people with a held message in the last `days` days. */
  people: number;
  messages: number;
  days: number;
  rows: { name: string; className: string; titles: string[]; lastAt: string }[];
}
