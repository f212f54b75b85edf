import type { ApplicationDoc } from '@kehou/shared';
import type { Figures } from '../../local-cloud/src/metering';
import type { TestCloud } from './runtime';

/**
 * A big school for the jobs' tests, fast: one application made through the real actions is the
 * pattern, and `n` children of its class are written straight into the database beside it (student,
 * 1–2 confirmed guardians, the application in the pattern's status), as a seed would.
 */
export async function cloneApplications(cloud: TestCloud, patternId: string, n: number, override: Partial<ApplicationDoc> = {}, first = 0): Promise<string[]> {
  const pattern = (await cloud.db.collection('applications').doc(patternId).get()).data as ApplicationDoc;
  const ids: string[] = [];
  const students: Record<string, unknown>[] = [];
  const guardianships: Record<string, unknown>[] = [];
  const applications: Record<string, unknown>[] = [];
  for (let i = first; i < first + n; i++) {
    const studentId = `stu-bulk-${String(i).padStart(4, '0')}`;
    const classId = pattern.classId;
    students.push({ _id: studentId, schoolId: pattern.schoolId, classId, name: `学生${i}`, studentNo: `B${i}` });
    for (let g = 0; g < (i % 2 === 0 ? 2 : 1); g++) {
      const openid = `bulk-parent-${i}-${g}`;
      guardianships.push({
        _id: `${studentId}:${openid}`,
        studentId,
        openid,
        schoolId: pattern.schoolId,
        classId,
        guardianName: `家长${i}-${g}`,
        relation: g ? '父亲' : '母亲',
        status: 'confirmed',
      });
    }
    const { _id: _pattern, ...rest } = pattern;
    const id = `${studentId}:${pattern.termId}`;
    applications.push({ ...rest, ...override, _id: id, studentId, studentName: `学生${i}` });
    ids.push(id);
  }
  for (const [collection, docs] of [
    ['students', students],
    ['guardianships', guardianships],
    ['applications', applications],
  ] as const) {
    for (let i = 0; i < docs.length; i += 500) await cloud.db.collection(collection).add({ data: docs.slice(i, i + 500) } as never);
  }
  return ids;
}

export interface JobRun {
  /** Calls made to finish it (the start included). */
  calls: number;
  /** The most round trips one call made. */
  maxRoundTrips: number;
  totals: Figures;
  wallMs: number;
}

/**
 * Calls `start` once and then `advance` until the job is done, metering each call; while another
 * call holds the job (`busy`) it waits, and moves the clock past the lease when the holder is gone.
 */
export async function driveJob(
  cloud: TestCloud,
  start: () => Promise<{ ok: boolean; data?: any; code?: string }>,
  advance: (jobId: string) => Promise<{ ok: boolean; data?: any; code?: string }>,
  options: { maxCalls?: number } = {},
): Promise<JobRun & { jobId: string; last: any }> {
  const run: JobRun = { calls: 0, maxRoundTrips: 0, totals: { ...cloud.runtime.meter.totals }, wallMs: 0 };
  const measured = await cloud.runtime.meter.measure(async () => {
    let answer = await metered(cloud, run, start);
    if (!answer.ok) throw new Error(`start: ${answer.code}`);
    let job = answer.data.job ?? answer.data;
    let busy = 0;
    while (job.state === 'running') {
      if (run.calls > (options.maxCalls ?? 500)) throw new Error('job never finished');
      // Another call holds the job: wait for it; held for long, its holder was killed and the lease runs out.
      busy = job.busy ? busy + 1 : 0;
      if (busy > 0 && busy < 200) await new Promise((resolve) => setTimeout(resolve, 5));
      if (busy >= 200) afterLease(cloud);
      answer = await metered(cloud, run, () => advance(job.jobId));
      if (!answer.ok) throw new Error(`advance: ${answer.code}`);
      job = answer.data;
    }
    return job;
  });
  run.totals = measured.figures;
  run.wallMs = measured.wallMs;
  return { ...run, jobId: measured.result.jobId, last: measured.result };
}

async function metered<T>(cloud: TestCloud, run: JobRun, call: () => Promise<T>): Promise<T> {
  const one = await cloud.runtime.meter.measure(call);
  run.calls += 1;
  run.maxRoundTrips = Math.max(run.maxRoundTrips, one.figures.roundTrips);
  return one.result;
}

/** Moves the clock past a killed step's lease (shared/src/cloud/jobs.ts LEASE_MS), as a retry a little later would see it. */
export function afterLease(cloud: TestCloud): void {
  cloud.runtime.clock.advanceDays(25 / 86_400);
}

/** Every message the functions queued (messageQueue batches) or sent (the outbox): who was told what. */
export async function queuedMessages(cloud: TestCloud): Promise<{ touser: string; templateId: string; data: Record<string, { value: string }> }[]> {
  const queued: { touser: string; templateId: string; data: Record<string, { value: string }> }[] = [];
  for (let skip = 0; ; skip += 100) {
    const { data } = await cloud.db.collection('messageQueue').skip(skip).limit(100).get();
    for (const doc of data as { messages?: { touser: string; templateId: string; data: Record<string, { value: string }> }[] }[])
      queued.push(...(doc.messages ?? []));
    if (data.length < 100) break;
  }
  return [...queued, ...cloud.runtime.outbox.list()];
}
