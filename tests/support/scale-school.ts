import { sha256 } from '@kehou/shared';
import { eachDay, isoWeekday } from '@kehou/shared/policy';
import writeXlsxFile from 'write-excel-file/node';
import { createRuntime, DEMO, DEMO_IDS, type LocalRuntime, seedDemoData } from '../../local-cloud/src';
import { chinaDateOf, lastMonth } from '../../local-cloud/src/demo-calendar';
import type { Figures } from '../../local-cloud/src/metering';
import { SIGNATURE } from './signature';

/**
 * The benchmark's school (issue 10): 绥芬河一小 with `children` more children in `children / 50`
 * classes, each with one or two guardians, plus 99 more schools of its bureau (written cheaply),
 * taken through the real actions a school would use, on the local runtime with its metering
 * database. Each step is measured: round trips, bytes, messages, local time; and checked against
 * its budget. `scripts/bench-scale.ts` runs it at 3,000 children; a jest test at 300.
 */

export const BUDGET = {
  /** A call a person waits for. */
  callRoundTrips: 30,
  callAnswerBytes: 100 * 1024,
  /** One step of a school-wide job. */
  stepRoundTrips: 100,
  /** A whole job for the school: about 50 steps' worth. */
  jobRoundTrips: 5_000,
};

export interface StepFigures {
  step: string;
  kind: 'call' | 'job';
  /** Children, applications, rows… the step is about. */
  n: number;
  /** Calls made (a job: its steps). */
  calls: number;
  /** The most round trips of one call (a job: of one step). */
  maxRoundTrips: number;
  /** All round trips of the step. */
  roundTrips: number;
  /** The largest single answer, in bytes. */
  largestAnswerBytes: number;
  messages: number;
  wallMs: number;
  /** Seconds at `latencyMs` per round trip (a call: the slowest one; a job: all of it). */
  estimateS: number;
  budget: string;
  broken: string[];
}

export interface ScaleOptions {
  children: number;
  /** Round-trip latency added by the meter (ms), and the latency of the estimate. */
  latencyMs?: number;
  estimateLatencyMs?: number;
  log?: (line: string) => void;
  /** Called with the runtime before anything runs (a test starts its query log there). */
  onRuntime?: (runtime: LocalRuntime) => void;
  /** How many families sign through the real actions (the rest are written signed); default 200. */
  signers?: number;
  /** More schools of the bureau (cheap: a school, a term, a filed plan each). */
  otherSchools?: number;
  /**
   * How many families apply through the real action (default: all); the rest are written as a
   * copy of one of theirs (same days and items), so a 3,000-child run fits in minutes.
   */
  appliers?: number;
}

const SCHOOL = DEMO_IDS.suifenheSchool;
const TERM = DEMO_IDS.suifenheTerm;
const CLASS_SIZE = 50;
const classId = (k: number) => `bench-class-${k}`;
const teacherOf = (k: number) => `bench-teacher-${k}`;
const studentNo = (i: number) => `B${String(i).padStart(5, '0')}`;
const studentId = (i: number) => `stu-${SCHOOL}-${studentNo(i)}`;
const parentOf = (i: number, g = 0) => `bench-parent-${i}-${g}`;
const applicationOf = (i: number) => `${studentId(i)}:${TERM}`;
const GRADE_NAMES = ['一', '二', '三', '四', '五', '六'];
/** A name without digits (names hold none): `i` written in twenty characters after a surname. */
const GIVEN = '安宝晨丹恩芳刚海红华佳建娟凯丽明宁平琴涛';
const hanName = (surname: string, i: number) => {
  let text = '';
  let n = i;
  do {
    text = GIVEN[n % GIVEN.length] + text;
    n = Math.floor(n / GIVEN.length);
  } while (n > 0);
  return surname + text;
};
const classNameOf = (k: number) => `${GRADE_NAMES[k % 6]}年级(${10 + Math.floor(k / 6)})班`;

type Call = <T = any>(openid: string | null, name: string, action: string, data?: unknown) => Promise<T>;

export async function runScale(options: ScaleOptions): Promise<{ steps: StepFigures[]; runtime: LocalRuntime }> {
  const log = options.log ?? (() => {});
  const estimateLatency = options.estimateLatencyMs ?? 20;
  const runtime = await createRuntime();
  await seedDemoData(runtime.database, runtime.clock.now());
  options.onRuntime?.(runtime);
  runtime.meter.latencyMs = options.latencyMs ?? 0;
  const steps: StepFigures[] = [];
  const N = options.children;
  const classes = Math.max(1, Math.ceil(N / CLASS_SIZE));
  const classOfChild = (i: number) => Math.floor(i / CLASS_SIZE);

  const ok: Call = async (openid, name, action, data = {}) => {
    const answer = await runtime.call<any>(name, { action, data }, openid);
    if (!answer.ok) throw new Error(`${name}.${action} as ${openid}: ${answer.code} ${answer.message}`);
    return answer.data;
  };

  /** A job started by a call: advance it until it is done, each step measured on its own. */
  const untilDone = async (each: <R>(fn: () => Promise<R>) => Promise<R>, fn: string, first: any) => {
    let job = first?.job ?? first;
    for (let calls = 0; job?.state === 'running'; calls++) {
      if (calls > 2000) throw new Error(`${job.kind} never finished`);
      const current = job;
      job = await each(() => ok(DEMO.admin, fn, 'advanceJob', { jobId: current.jobId }));
    }
    return job;
  };

  /** Measures each call of a step on its own; the step's figures add them up. */
  async function measured<T>(step: string, kind: 'call' | 'job', n: number, run: (each: <R>(fn: () => Promise<R>) => Promise<R>) => Promise<T>): Promise<T> {
    const totals = { calls: 0, maxRoundTrips: 0, roundTrips: 0, largestAnswerBytes: 0, messages: 0 };
    const started = performance.now();
    const each = async <R>(fn: () => Promise<R>): Promise<R> => {
      const m = await runtime.meter.measure(fn);
      const f: Figures = m.figures;
      totals.calls += f.calls;
      totals.maxRoundTrips = Math.max(totals.maxRoundTrips, f.roundTrips);
      totals.roundTrips += f.roundTrips;
      totals.largestAnswerBytes = Math.max(totals.largestAnswerBytes, f.largestAnswerBytes);
      totals.messages += f.messages;
      return m.result;
    };
    const result = await run(each);
    const wallMs = performance.now() - started;
    const broken: string[] = [];
    if (kind === 'call') {
      if (totals.maxRoundTrips > BUDGET.callRoundTrips) broken.push(`一次调用 ${totals.maxRoundTrips} 次往返 > ${BUDGET.callRoundTrips}`);
      if (totals.largestAnswerBytes >= BUDGET.callAnswerBytes) broken.push(`应答 ${totals.largestAnswerBytes} B ≥ 100 KB`);
    } else {
      if (totals.maxRoundTrips > BUDGET.stepRoundTrips) broken.push(`一步 ${totals.maxRoundTrips} 次往返 > ${BUDGET.stepRoundTrips}`);
      if (totals.roundTrips > BUDGET.jobRoundTrips) broken.push(`全部 ${totals.roundTrips} 次往返 > ${BUDGET.jobRoundTrips}`);
      if (totals.largestAnswerBytes >= BUDGET.callAnswerBytes) broken.push(`应答 ${totals.largestAnswerBytes} B ≥ 100 KB`);
    }
    const figures: StepFigures = {
      step,
      kind,
      n,
      ...totals,
      wallMs,
      estimateS: ((kind === 'call' ? totals.maxRoundTrips : totals.roundTrips) * estimateLatency) / 1000,
      budget:
        kind === 'call' ? `≤ ${BUDGET.callRoundTrips} 次往返/调用，应答 < 100 KB` : `≤ ${BUDGET.stepRoundTrips} 次往返/步，全部 ≤ ${BUDGET.jobRoundTrips}`,
      broken,
    };
    steps.push(figures);
    log(formatStep(figures));
    return result;
  }

  // ---- the school: classes and their teachers (the school's set-up, written as the seed does) ----
  const db = runtime.database;
  for (let k = 0; k < classes; k++) {
    await db
      .collection('users')
      .add({ data: { _id: teacherOf(k), name: hanName('陈', k), roles: [{ kind: 'teacher', schoolId: SCHOOL, classIds: [classId(k)] }] } });
    await db.collection('classes').add({
      data: {
        _id: classId(k),
        schoolId: SCHOOL,
        name: classNameOf(k),
        grade: 1 + (k % 6),
        stage: 'primary',
        teacherOpenid: teacherOf(k),
        bindCode: `B${String(k).padStart(4, '0')}X`,
      },
    });
  }

  // ---- 1. roster import: the file through cloud storage ----
  const header = ['班级', '学生姓名', '学号', '家长姓名', '家长手机'];
  const rows = Array.from({ length: N }, (_, i) => [
    classNameOf(classOfChild(i)),
    hanName('王', i),
    studentNo(i),
    hanName('李', i),
    `139${String(i).padStart(8, '0')}`,
  ]);
  const sheet = [header, ...rows].map((row) => row.map((value) => ({ value })));
  const buffer = await writeXlsxFile(sheet as never).toBuffer();
  const { fileID } = await runtime.cloud.uploadFile({ cloudPath: `roster/${SCHOOL}/bench.xlsx`, fileContent: buffer });
  await measured('花名册导入 roster import', 'job', N, (each) =>
    each(() => ok(DEMO.admin, 'enrollment', 'importRoster', { schoolId: SCHOOL, file: { fileID } })).then((first) => untilDone(each, 'enrollment', first)),
  );

  // ---- guardians: one or two per child, confirmed (written cheaply; binding itself is measured once) ----
  for (let i = 0; i < N; i++) {
    const guardians = i % 2 === 0 ? 2 : 1;
    for (let g = 0; g < guardians; g++) {
      await db.collection('users').add({ data: { _id: parentOf(i, g), name: hanName(g === 0 ? '李' : '赵', i), roles: [] } });
      await db.collection('guardianships').add({
        data: {
          _id: `${studentId(i)}:${parentOf(i, g)}`,
          studentId: studentId(i),
          openid: parentOf(i, g),
          schoolId: SCHOOL,
          classId: classId(classOfChild(i)),
          guardianName: hanName(g === 0 ? '李' : '赵', i),
          relation: g === 0 ? '母亲' : '父亲',
          status: 'confirmed',
        },
      });
    }
  }

  // ---- 2. applying: every family (or `appliers` of them; the others copy one of theirs) ----
  const appliers = Math.min(N, Math.max(3, Math.floor((options.appliers ?? N) / 3) * 3));
  await measured(`报名 applying (${appliers} families)`, 'call', appliers, async (each) => {
    for (let i = 0; i < appliers; i++) {
      const itemIds = i % 3 === 0 ? ['basic-care', 'club-calligraphy'] : ['basic-care'];
      await each(() =>
        ok(parentOf(i), 'enrollment', 'submitApplication', {
          studentId: studentId(i),
          termId: TERM,
          days: [1, 2, 3, 4, 5],
          itemIds,
          pickup: { mode: 'pickers', pickers: [{ name: hanName('李', i), relation: '母亲', phone: `139${String(i).padStart(8, '0')}` }] },
        }),
      );
    }
  });
  if (appliers < N) {
    const patterns = (
      await db
        .collection('applications')
        .where({ _id: db.command.in([0, 1, 2].map(applicationOf)) })
        .get()
    ).data as { _id: string }[];
    const byId = new Map(patterns.map((p) => [p._id, p as Record<string, unknown>]));
    const copies: Record<string, unknown>[] = [];
    for (let i = appliers; i < N; i++) {
      const { _id: _pattern, ...pattern } = byId.get(applicationOf(i % 3)) as Record<string, unknown>;
      copies.push({ ...pattern, _id: applicationOf(i), studentId: studentId(i), studentName: hanName('王', i), classId: classId(classOfChild(i)) });
      if (copies.length === 100 || i === N - 1) {
        await db.collection('applications').add({ data: copies.splice(0) as never });
      }
    }
  }

  // ---- 3. the class queue and the class's bulk review ----
  await measured('班级待办 class queue', 'call', CLASS_SIZE, (each) => each(() => ok(teacherOf(0), 'enrollment', 'getClassQueue', { classId: classId(0) })));
  await measured('班级报名列表 class list (one page)', 'call', CLASS_SIZE, (each) =>
    each(() => ok(teacherOf(0), 'enrollment', 'listClassApplications', { classId: classId(0), status: ['submitted'], limit: 50 })),
  );
  await measured('班级批量初审 class bulk review (each class)', 'call', N, async (each) => {
    for (let k = 0; k < classes; k++) {
      const page = await ok(teacherOf(k), 'enrollment', 'listClassApplications', { classId: classId(k), status: ['submitted'], limit: 50 });
      const pass = page.rows.map((r: any) => ({ applicationId: r.applicationId, revision: r.revision }));
      await each(() => ok(teacherOf(k), 'enrollment', 'passClassReview', { classId: classId(k), requestId: `bench-review-${k}`, pass }));
    }
  });

  // ---- 4. the school queue and the bulk approval ----
  const desk = await measured('学校报名台 school queue', 'call', N, (each) =>
    each(() => ok(DEMO.admin, 'enrollment', 'getSchoolQueue', { schoolId: SCHOOL, termId: TERM })),
  );
  await measured('学校报名列表 school list (one page)', 'call', N, (each) =>
    each(() => ok(DEMO.admin, 'enrollment', 'listSchoolApplications', { schoolId: SCHOOL, termId: TERM, status: ['teacher-reviewed'], limit: 20 })),
  );
  await measured('学校批量审核 bulk approval (job)', 'job', N, async (each) => {
    for (let step = 0; step < 1_000; step++) {
      const answer = await each(() =>
        ok(DEMO.admin, 'enrollment', 'approveWaiting', { schoolId: SCHOOL, termId: TERM, asOf: desk.asOf, requestId: 'bench-approve-all' }),
      );
      if (answer.done) return;
    }
    throw new Error('bulk approval never finished');
  });

  // ---- 5. the public list: post, and fix after the listing period ----
  const posted = await measured('公示名单 post the list', 'job', N, (each) =>
    each(() => ok(DEMO.admin, 'enrollment', 'postListing', { schoolId: SCHOOL, termId: TERM, listingDays: 1 })).then((first) =>
      untilDone(each, 'enrollment', first),
    ),
  );
  const listingId = String(posted.jobId).replace(/^post-listing:/, '');
  runtime.clock.advanceDays(1.01);
  await measured('确定名单 fix the list', 'job', N, (each) =>
    each(() => ok(DEMO.admin, 'enrollment', 'fixListing', { listingId })).then((first) => untilDone(each, 'enrollment', first)),
  );
  runtime.clock.reset();
  await measured('公开页 public term page', 'call', N, (each) => each(() => ok(null, 'disclosure', 'getPublicTerm', { schoolId: SCHOOL, termId: TERM })));

  // ---- 6. the agreement: publish the template, every family signs ----
  await measured('发布协议模板 publish the template', 'job', N, async (each) => {
    const draft = await ok(DEMO.admin, 'agreement', 'getTemplateDraft', { schoolId: SCHOOL, termId: TERM });
    // 004 §四(三)3: the management rules are adopted by the parent committee and the staff congress first.
    const rules = await ok(DEMO.admin, 'committee', 'proposeRules', { schoolId: SCHOOL, sections: draft.editable });
    const date = chinaDateOf(runtime.clock.now());
    await ok(DEMO.committee, 'committee', 'adoptRules', { schoolId: SCHOOL, version: rules.versions[0].version, date });
    await ok(DEMO.admin, 'committee', 'recordStaffCongress', { schoolId: SCHOOL, version: rules.versions[0].version, date });
    const first = await each(() => ok(DEMO.admin, 'agreement', 'publishTemplate', { schoolId: SCHOOL, termId: TERM, sections: draft.editable }));
    await untilDone(each, 'agreement', first);
  });
  const signers = Math.min(N, options.signers ?? 200);
  await measured(`签署协议 signing (${signers} families)`, 'call', signers, async (each) => {
    for (let i = 0; i < signers; i++) {
      const view = await each(() => ok(parentOf(i), 'agreement', 'getAgreement', { applicationId: applicationOf(i) }));
      if (sha256(view.agreement.text) !== view.agreement.textHash) throw new Error('agreement text does not match its hash');
      await each(() =>
        ok(parentOf(i), 'agreement', 'signAgreement', {
          applicationId: applicationOf(i),
          version: view.template.version,
          textHash: view.agreement.textHash,
          image: SIGNATURE,
        }),
      );
    }
  });

  // The other families' signatures are written as signing leaves them (the sign action itself is measured above).
  if (signers < N) {
    const at = runtime.clock.now().toISOString();
    await db
      .collection('applications')
      .where({ schoolId: SCHOOL, termId: TERM, status: 'listed' })
      .update({ data: { status: 'active', signedVersion: 1, history: db.command.push([{ at, status: 'active', by: 'bench', byName: '家长' }]) } });
  }

  // ---- 7. attendance: every class, every service day of last month (one class's day measured apart) ----
  const term = (await db.collection('terms').doc(TERM).get()).data as unknown as { startDate: string };
  const today = chinaDateOf(runtime.clock.now());
  const month = lastMonth(today);
  const days = eachDay(month.from > term.startDate ? month.from : term.startDate, month.to).filter((d) => isoWeekday(d) <= 5);
  // Children became active on the term's first day (as if signed then), so last month bills.
  await backdateActivations(runtime, `${term.startDate}T00:30:00.000Z`);
  const recordDay = async (k: number, date: string) => {
    const sheet = await ok(teacherOf(k), 'enrollment', 'getAttendanceSheet', { classId: classId(k), date });
    const entries = sheet.rows.map((r: any) => ({ studentId: r.studentId, attendedMinutes: 120 }));
    return ok(teacherOf(k), 'enrollment', 'recordAttendance', { classId: classId(k), date, revision: sheet.revision, entries });
  };
  await measured('一个班一天的考勤 one class’s attendance day', 'call', CLASS_SIZE, async (each) => {
    if (days.length) {
      await each(() => ok(teacherOf(0), 'enrollment', 'getAttendanceSheet', { classId: classId(0), date: days[0] }));
      await each(() => recordDay(0, days[0]));
    }
  });
  for (let k = 0; k < classes; k++) for (const date of days) if (k !== 0 || date !== days[0]) await recordDay(k, date);

  // ---- 8. a month's fee notices: preview and issue ----
  await measured('计算收费预览 compute the fee preview (job)', 'job', N, (each) =>
    each(() => ok(DEMO.admin, 'fees', 'previewNotices', { schoolId: SCHOOL, termId: TERM, periodKey: month.key })).then((first) =>
      untilDone(each, 'fees', first),
    ),
  );
  const preview = await measured('收费预览 fee preview (suifenhe, one page)', 'call', N, (each) =>
    each(() => ok(DEMO.admin, 'fees', 'previewNotices', { schoolId: SCHOOL, termId: TERM, periodKey: month.key, refresh: false })),
  );
  await measured('发出收费通知 issue the notices (suifenhe)', 'job', N, (each) =>
    each(() => ok(DEMO.admin, 'fees', 'issueNotices', { schoolId: SCHOOL, termId: TERM, periodKey: month.key, digest: preview.digest })).then((first) =>
      untilDone(each, 'fees', first),
    ),
  );

  // ---- 9. a parent's screens, the reports, the bureau ----
  await measured('家长首页 a parent’s home', 'call', 1, (each) => each(() => ok(parentOf(0), 'enrollment', 'getHome')));
  await measured('家长收费通知 a parent’s notices', 'call', 1, (each) => each(() => ok(parentOf(0), 'fees', 'listMyNotices')));
  await measured('学校收费列表 the school’s notices', 'call', N, (each) =>
    each(() => ok(DEMO.admin, 'fees', 'listSchoolNotices', { schoolId: SCHOOL, termId: TERM })),
  );
  await measured('学校概况 the school overview (reports)', 'call', N, (each) =>
    each(() => ok(DEMO.admin, 'disclosure', 'getSchoolOverview', { schoolId: SCHOOL })),
  );

  const others = options.otherSchools ?? 99;
  for (let s = 0; s < others; s++) {
    const id = `bench-school-${s}`;
    await db
      .collection('schools')
      .add({ data: { _id: id, name: `绥芬河市第${s + 2}小学`, bureauId: 'bureau-suifenhe', bureauName: '绥芬河市教育局', profileId: 'suifenhe-2021' } });
  }
  await measured(`教育局审核队列 the bureau’s queue (${others + 1} schools)`, 'call', others + 1, (each) =>
    each(() => ok(DEMO.bureau, 'disclosure', 'getReviewQueue')),
  );

  return { steps, runtime };
}

/** The `active` entries of every application moved to `at` (as if signed on the term's first day). */
async function backdateActivations(runtime: LocalRuntime, at: string) {
  const db = runtime.database;
  for (let skip = 0; ; skip += 100) {
    const { data } = await db.collection('applications').where({ schoolId: SCHOOL, termId: TERM, status: 'active' }).skip(skip).limit(100).get();
    for (const app of data as { _id: string; history: { status: string; at: string }[] }[]) {
      const history = app.history.map((h) => (h.status === 'active' ? { ...h, at } : h));
      await db
        .collection('applications')
        .doc(app._id)
        .update({ data: { history: db.command.set(history) } });
    }
    if (data.length < 100) return;
  }
}

export function formatStep(f: StepFigures): string {
  const kb = (f.largestAnswerBytes / 1024).toFixed(1);
  const verdict = f.broken.length ? `超出预算：${f.broken.join('；')}` : '在预算内';
  return `${f.step.padEnd(34)} N=${String(f.n).padStart(5)}  ${f.kind === 'job' ? '步' : '次'}=${String(f.calls).padStart(5)}  往返 最多=${String(f.maxRoundTrips).padStart(6)} 合计=${String(f.roundTrips).padStart(7)}  最大应答=${kb.padStart(7)} KB  消息=${String(f.messages).padStart(5)}  本地=${(f.wallMs / 1000).toFixed(1).padStart(6)} s  20ms 估计=${f.estimateS.toFixed(1).padStart(6)} s  预算：${f.budget}  ${verdict}`;
}

export { DEMO, DEMO_IDS };
