import { z } from 'zod';

/**
 * School-wide work done in bounded steps (issue 10): a job document records what is being done
 * (kind), to what (scope), how far it got (cursor, counts) and whether it is running, done or
 * failed. Each call advances it by one step; a step killed by WeChat's timeout, or a retry, resumes
 * it without doing anything twice. Client-safe (types, labels, the input schema); the server part is
 * shared/src/cloud/jobs.ts.
 */
export const JOB_KINDS = ['post-listing', 'fix-listing', 'publish-template', 'issue-notices', 'import-roster', 'preview-notices', 'approve-waiting'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_LABELS: Record<JobKind, string> = {
  'post-listing': '公示名单',
  'fix-listing': '确定名单并通知家长',
  'publish-template': '通知家长签署新版协议',
  'issue-notices': '发出收费通知',
  'import-roster': '导入花名册',
  'preview-notices': '计算收费预览',
  'approve-waiting': '学校审核：全部通过',
};

export type JobState = 'running' | 'done' | 'failed';

export interface JobLease {
  owner: string;
  /** ISO time after which another call may take the job over (the holder was killed). */
  until: string;
}

export interface JobDoc {
  /** `${kind}:${scope}`: one job per kind and scope, whoever starts it and however often. */
  _id: string;
  kind: JobKind;
  scope: string;
  schoolId: string;
  termId?: string;
  state: JobState;
  /** The last key a step finished (ids ascending); null before the first step. */
  cursor: string | null;
  /** A named stage of the job, for jobs with more than one pass. */
  phase: string;
  done: number;
  total: number;
  failed: number;
  /** What the job was started with (never changed afterwards). */
  params: Record<string, unknown>;
  /** Figures the steps add up (job-specific: created, needResign…). */
  result: Record<string, number>;
  lease: JobLease | null;
  steps: number;
  revision: number;
  startedAt: string;
  startedBy: string;
  updatedAt: string;
  finishedAt?: string;
  error?: string;
}

/** What a screen shows of a job (and drives advance calls with). */
export interface JobView {
  jobId: string;
  kind: JobKind;
  label: string;
  state: JobState;
  done: number;
  total: number;
  failed: number;
  /** 0–100. */
  percent: number;
  /** Another call is advancing it right now: wait a moment and ask again. */
  busy: boolean;
  result: Record<string, number>;
  error?: string;
  /** Whether the call that answered did a step (false: finished, failed or busy). */
  stepped: boolean;
}

export function jobViewOf(job: JobDoc, now: Date, stepped = false): JobView {
  const percent = job.state === 'done' ? 100 : job.total > 0 ? Math.min(99, Math.floor((job.done * 100) / job.total)) : 0;
  return {
    jobId: job._id,
    kind: job.kind,
    label: JOB_LABELS[job.kind],
    state: job.state,
    done: job.done,
    total: job.total,
    failed: job.failed,
    percent,
    busy: job.state === 'running' && !!job.lease && new Date(job.lease.until).getTime() > now.getTime(),
    result: job.result,
    stepped,
    ...(job.error ? { error: job.error } : {}),
  };
}

export const jobIdOf = (kind: JobKind, scope: string) => `${kind}:${scope}`;

/** The input of every advanceJob action. */
export const jobInput = z.object({ jobId: z.string().trim().min(1).max(200).describe('任务编号') }).strict();
