import { chinaShortDateTime } from '../domain/china-time';
import type { ApplicationStatus } from './status';

/** The road of an application, as a parent follows it (NutUI Steps on the application page). */
export const APPLICATION_STEPS = ['提交', '班主任初审', '学校审核', '公示', '签署协议', '生效'] as const;

export interface ApplicationProgress {
  /** The step under way, 1-based (steps before it are done); past the last (7): every step done. 0: off the road (withdrawn). */
  current: number;
  /** The step is waiting on the parent (returned, a signature due). */
  yourTurn: boolean;
  /** What happens next and when, in a sentence. */
  next: string;
}

export interface ProgressFacts {
  status: ApplicationStatus;
  listedUntil?: string;
  listFixed?: boolean;
  permitRequired?: boolean;
  needsResign?: boolean;
}

/** Where an application stands on its road, and what comes next (with the listing's end, in China time). */
export function applicationProgress(app: ProgressFacts): ApplicationProgress {
  switch (app.status) {
    case 'submitted':
      return { current: 2, yourTurn: false, next: '班主任初审后，交学校审核。审核结果会通知您。' };
    case 'teacher-reviewed':
      return { current: 3, yourTurn: false, next: '学校审核通过后，名单将公示。' };
    case 'returned':
      return { current: 1, yourTurn: true, next: '请按退回原因修改后重新提交。' };
    case 'approved':
      return { current: 4, yourTurn: false, next: '学校公示名单，公示期满、名单确定后即可签署协议。' };
    case 'listed':
      if (app.listFixed) return { current: 5, yourTurn: true, next: '名单已确定，请阅读并签署协议，签署后报名生效。' };
      return {
        current: 4,
        yourTurn: false,
        next: app.listedUntil
          ? `名单公示至 ${chinaShortDateTime(app.listedUntil)}，期满学校确定名单后即可签署协议。`
          : '名单公示中，期满学校确定名单后即可签署协议。',
      };
    case 'signed':
      return { current: 5, yourTurn: true, next: '请签署《独自回家证》，签署后报名生效。' };
    case 'active':
      return app.needsResign
        ? { current: 7, yourTurn: true, next: '协议有了新版本，请阅读变化并重新签署。' }
        : { current: 7, yourTurn: false, next: '报名已生效，孩子可以按所选的日子参加课后服务。' };
    case 'withdrawal-requested':
      return { current: 7, yourTurn: false, next: '退出申请已提交，等待学校审批，结果会通知您。' };
    case 'withdrawn':
      return { current: 0, yourTurn: false, next: '已退出课后服务，需要时可以重新报名。' };
  }
}
