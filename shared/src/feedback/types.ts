import { z } from 'zod';
import { pageFields } from '../domain/paging';
import { freeTextSchema } from '../domain/text';

/** 家长意见: what parents tell the parent committee about the after-school service (000 §三(五)). */
export const FEEDBACK_TOPICS = {
  content: '服务内容',
  time: '服务时间',
  safety: '安全与接送',
  fees: '收费',
  staff: '看护与教师',
  other: '其他',
} as const;
export type FeedbackTopic = keyof typeof FEEDBACK_TOPICS;

/** In the order the inbox shows them: open first. */
export const FEEDBACK_STATUSES = ['open', 'reviewed', 'answered'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  open: '待家委会查看',
  reviewed: '家委会已查看',
  answered: '已答复',
};

export interface FeedbackAnswer {
  text: string;
  byName: string;
  at: string;
}

/** Stored document. `authorOpenid` never leaves the cloud function except to its author. */
export interface FeedbackDoc {
  /** Hash of author and request id: a retried submission lands on the same document. */
  _id: string;
  schoolId: string;
  studentId: string;
  className: string;
  authorOpenid: string;
  /** Only when the parent chose to sign: the guardian's name, shown to the committee. */
  signedAs: string | null;
  topic: FeedbackTopic;
  text: string;
  status: FeedbackStatus;
  answer: FeedbackAnswer | null;
  createdAt: string;
  revision: number;
}

/** What the committee and the school see: no openid, no child's name. */
export interface FeedbackView {
  id: string;
  className: string;
  signedAs: string | null;
  topic: FeedbackTopic;
  text: string;
  status: FeedbackStatus;
  answer: FeedbackAnswer | null;
  createdAt: string;
  revision: number;
}

const topic = z.enum(Object.keys(FEEDBACK_TOPICS) as [FeedbackTopic, ...FeedbackTopic[]]);
const id = z.string().min(1).max(120);

export const submitFeedbackInput = z
  .object({
    studentId: id,
    /** Made by the client once per form: retries and double taps reuse it. */
    requestId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, '请求编号格式不正确'),
    topic: topic.describe('意见类别'),
    text: freeTextSchema({ min: 5, max: 500, minMessage: '请至少写 5 个字', maxMessage: '请不要超过 500 字' }).describe('意见内容'),
    signName: z.boolean().default(false).describe('是否署名'),
  })
  .strict();

/** One page of the school's feedback, of one status or all (open first). */
export const listSchoolFeedbackInput = z.object({ schoolId: id, status: z.enum(FEEDBACK_STATUSES).optional(), ...pageFields }).strict();

export const markFeedbackReviewedInput = z.object({ feedbackId: id }).strict();

export const answerFeedbackInput = z
  .object({
    feedbackId: id,
    text: z.string().trim().min(2, '请至少写 2 个字').max(500, '请不要超过 500 字').describe('答复内容'),
    /** The revision the committee member saw: an answer never overwrites another unseen. */
    revision: z.number().int().min(0),
  })
  .strict();

/** The committee's inbox: the school's feedback, open first, with counts by status. */
export interface FeedbackInbox {
  counts: Record<FeedbackStatus, number>;
  /** One page. */
  items: FeedbackView[];
  /** Items matching the filter, and where the next page starts (null: the last). */
  total: number;
  nextSkip: number | null;
}

export function toFeedbackView(doc: FeedbackDoc): FeedbackView {
  return {
    id: doc._id,
    className: doc.className,
    signedAs: doc.signedAs,
    topic: doc.topic,
    text: doc.text,
    status: doc.status,
    answer: doc.answer,
    createdAt: doc.createdAt,
    revision: doc.revision,
  };
}
