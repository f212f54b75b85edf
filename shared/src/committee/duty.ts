import { z } from 'zod';
import { freeTextSchema } from '../domain/text';
import { isoDateSchema } from '../policy/schemas';

/**
 * 家长值班 (004 §二(二): 鼓励家长代表定期到校值班，协助和监督学校开展课后服务工作): committee
 * members and volunteering parents sign up for service days, the school confirms, the class
 * teachers see who is on duty, and after the day the parent leaves a note for the committee.
 */
export type DutyStatus = 'pending' | 'confirmed' | 'declined' | 'cancelled';

export const DUTY_STATUS_LABELS: Record<DutyStatus, string> = {
  pending: '待学校确认',
  confirmed: '已确认',
  declined: '学校未安排',
  cancelled: '已取消',
};

/** At most this many people on duty a day (signed up and not declined or cancelled). */
export const DUTY_PER_DAY = 3;

/** `duty:${schoolId}:${date}:${hash of the person}`: one sign-up per person and day. */
export interface DutyDoc {
  _id: string;
  schoolId: string;
  date: string;
  openid: string;
  name: string;
  as: 'committee' | 'parent';
  status: DutyStatus;
  note: { text: string; at: string } | null;
  createdAt: string;
  decidedAt: string | null;
  revision: number;
}

/**
 * `duty-day:${schoolId}:${date}`: the sign-ups holding one of the day's places (pending or
 * confirmed). Sign-ups, cancellations and declines change it in the same transaction as the
 * sign-up itself, so people signing up at the same moment cannot pass DUTY_PER_DAY.
 */
export interface DutyDayDoc {
  _id: string;
  schoolId: string;
  date: string;
  holders: string[];
}

/** A sign-up as the school, the committee and the teachers see it (no openid). */
export interface DutyView {
  dutyId: string;
  date: string;
  name: string;
  as: 'committee' | 'parent';
  status: DutyStatus;
  statusLabel: string;
  /** Only for the committee and the person who wrote it. */
  note: { text: string; at: string } | null;
  mine: boolean;
}

export interface DutyRoster {
  schoolId: string;
  schoolName: string;
  from: string;
  to: string;
  perDay: number;
  items: DutyView[];
  /** The caller may leave notes visible here (the committee). */
  seesNotes: boolean;
}

const id = z.string().min(1).max(120);

export const signUpDutyInput = z.object({ schoolId: id.describe('学校'), date: isoDateSchema.describe('值班日期') }).strict();
export const dutyRefInput = z.object({ schoolId: id.describe('学校'), dutyId: id.describe('值班') }).strict();
export const decideDutyInput = z
  .object({ schoolId: id.describe('学校'), dutyId: id.describe('值班'), decision: z.enum(['confirm', 'decline']).describe('确认或不安排') })
  .strict();
export const dutyNoteInput = z
  .object({
    schoolId: id.describe('学校'),
    dutyId: id.describe('值班'),
    text: freeTextSchema({ min: 5, max: 500, minMessage: '请至少写 5 个字', maxMessage: '请不要超过 500 字' }).describe('值班记录'),
  })
  .strict();
export const dutyRosterInput = z.object({ schoolId: id.describe('学校'), from: isoDateSchema.optional().describe('起始日期') }).strict();
