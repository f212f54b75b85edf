import { type ActionContext, chinaToday, findById, getAll, isoNow } from '../../cloud';
import type { SurveyTallyDoc } from '../../committee/surveys';
import { averageOf, MIN_SHOWN_ANSWERS, SURVEY_ITEM_KEYS, sumTallies, surveyIdOf } from '../../committee/surveys';
import { filingDeadlineInfo } from '../../disclosure/deadline';
import { reportDuties } from '../../disclosure/report-duties';
import type { PlanRecord, PlanVersion } from '../../disclosure/types';
import { chinaDate } from '../../domain/china-time';
import type { ClassGroup, School, Term } from '../../domain/people';
import type { ApplicationDoc, ClubRosterDoc } from '../../enrollment/types';
import type { FeedbackDoc } from '../../feedback/types';
import { ledgerTotals } from '../../fees/ledger';
import { loadLedgerFacts } from '../../fees/server/ledger';
import { getProfile } from '../../policy';
import type { Stage } from '../../policy/domain';
import { type SchoolSummaryDoc, SUMMARY_PARTS, type SummaryPart, type SupervisionNoteDoc } from '../types';

export const summaryIdOf = (schoolId: string) => `summary:${schoolId}`;
export const reportFilingIdOf = (schoolId: string, key: string, year: number, half?: 1 | 2) => `${schoolId}:${key}:${year}${half ? `-${half}` : ''}`;

/** Applications that hold a place: approved and on (listed, signed, active, asking to leave). */
export const ENROLLED_STATUSES = ['approved', 'listed', 'signed', 'active', 'withdrawal-requested'] as const;
/** Applications still under way or holding a place (not returned, not withdrawn). */
export const APPLIED_STATUSES = ['submitted', 'teacher-reviewed', ...ENROLLED_STATUSES] as const;

interface Loaded {
  school: School;
  term: Term | null;
  today: string;
}

type Parts = Partial<Pick<SchoolSummaryDoc, SummaryPart>>;

async function planPart({ school, term, today }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'plan'>> {
  const profile = getProfile(school.profileId)!;
  if (!term) return { plan: { status: 'none', submissions: 0, deadline: null, deadlineState: 'none', daysLeft: null, filedOn: null } };
  const plan = await findById<PlanRecord>(ctx, 'plans', `${school._id}:${term._id}`);
  let first = plan?.firstSubmittedAt ?? null;
  if (!first && plan && plan.submissions > 0) first = (await findById<PlanVersion>(ctx, 'planVersions', `${plan._id}:s1`))?.submittedAt ?? null;
  const filedOn = first ? chinaDate(new Date(first)) : null;
  const info = filingDeadlineInfo(profile, term.startDate, today, filedOn);
  return {
    plan: {
      status: plan?.status ?? 'none',
      submissions: plan?.submissions ?? 0,
      deadline: info.deadline,
      deadlineState: info.state,
      daysLeft: info.daysLeft,
      filedOn,
    },
  };
}

async function participationPart({ school, term }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'participation'>> {
  const classes = await getAll<ClassGroup>(ctx.collection('classes').where({ schoolId: school._id }));
  const stages = [...new Set(classes.map((c) => c.stage))] as Stage[];
  const onRollByStage = await Promise.all(
    stages.map((stage) =>
      ctx
        .collection('students')
        .where({ schoolId: school._id, classId: ctx._.in(classes.filter((c) => c.stage === stage).map((c) => c._id)) })
        .count(),
    ),
  );
  const apps = term
    ? await getAll<Pick<ApplicationDoc, 'classId' | 'status'>>(
        ctx
          .collection('applications')
          .where({ schoolId: school._id, termId: term._id, status: ctx._.in([...APPLIED_STATUSES]) })
          .field({ classId: true, status: true }),
      )
    : [];
  const stageOf = new Map(classes.map((c) => [c._id, c.stage]));
  const enrolled = apps.filter((a) => (ENROLLED_STATUSES as readonly string[]).includes(a.status));
  const byStage = stages.map((stage, i) => ({
    stage,
    onRoll: onRollByStage[i].total,
    enrolled: enrolled.filter((a) => stageOf.get(a.classId) === stage).length,
  }));
  return {
    participation: { onRoll: byStage.reduce((s, b) => s + b.onRoll, 0), applied: apps.length, enrolled: enrolled.length, byStage },
  };
}

export async function clubRosters(ctx: ActionContext, schoolId: string, termId: string): Promise<ClubRosterDoc[]> {
  return getAll<ClubRosterDoc>(ctx.collection('clubSeats').where({ schoolId, termId }));
}

async function clubsPart({ school, term }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'clubs'>> {
  const rosters = term ? await clubRosters(ctx, school._id, term._id) : [];
  return {
    clubs: {
      clubs: rosters.length,
      capacity: rosters.reduce((s, r) => s + r.capacity, 0),
      taken: rosters.reduce((s, r) => s + r.seats.length, 0),
      waiting: rosters.reduce((s, r) => s + r.waiting.length, 0),
    },
  };
}

async function feesPart({ school, term }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'fees' | 'refunds'>> {
  if (!term) {
    return {
      fees: { notices: 0, grossFen: 0, waivedFen: 0, governmentShareFen: 0, chargedFen: 0, paidFen: 0, outstandingFen: 0 },
      refunds: { requested: 0, approved: 0, refundFen: 0, pendingFen: 0 },
    };
  }
  const facts = await loadLedgerFacts(ctx, school._id, term._id);
  const t = ledgerTotals(facts);
  return {
    fees: {
      notices: t.notices,
      grossFen: t.grossFen,
      waivedFen: t.waivedFen,
      governmentShareFen: t.governmentShareFen,
      chargedFen: t.chargedFen,
      paidFen: t.paidFen,
      outstandingFen: t.outstandingFen,
    },
    refunds: {
      requested: facts.refunds.filter((r) => r.status === 'requested').length,
      approved: facts.refunds.filter((r) => r.status === 'approved').length,
      refundFen: t.correctionRefundsFen + t.requestRefundsFen,
      pendingFen: t.refundPendingFen,
    },
  };
}

async function feedbackPart({ school }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'feedback'>> {
  const count = (status: FeedbackDoc['status']) => ctx.collection('feedback').where({ schoolId: school._id, status }).count();
  const [open, reviewed, answered] = await Promise.all([count('open'), count('reviewed'), count('answered')]);
  return { feedback: { open: open.total, reviewed: reviewed.total, answered: answered.total } };
}

async function satisfactionPart({ school, term }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'satisfaction'>> {
  if (!term) return { satisfaction: { answers: 0, average: null } };
  const tallies = await getAll<SurveyTallyDoc>(ctx.collection('surveyTallies').where({ surveyId: surveyIdOf(school._id, term._id) }));
  const total = sumTallies(tallies);
  // One figure per school: the mean of every item's ratings, only from 5 answers up.
  const all = [0, 0, 0, 0, 0];
  for (const key of SURVEY_ITEM_KEYS) for (let r = 0; r < 5; r++) all[r] += total.items[key][r];
  return { satisfaction: { answers: total.answers, average: total.answers >= MIN_SHOWN_ANSWERS ? averageOf(all) : null } };
}

async function reportsPart({ school, today }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'reports'>> {
  const duties = reportDuties(getProfile(school.profileId)!, today);
  if (!duties.length) return { reports: [] };
  const filings = await getAll<{ _id: string }>(ctx.collection('reportFilings').where({ schoolId: school._id }));
  const filed = new Set(filings.map((f) => f._id));
  return {
    reports: duties.map((d) => {
      const { year, half } = d.period;
      // The period before the one now due: late if its report never came in.
      const previous = half === 2 ? { year, half: 1 as const } : half === 1 ? { year: year - 1, half: 2 as const } : { year: year - 1 };
      return {
        key: d.key,
        label: d.label,
        due: d.due,
        periodLabel: d.periodLabel,
        submitted: filed.has(reportFilingIdOf(school._id, d.key, year, half)),
        previousLate: !filed.has(reportFilingIdOf(school._id, d.key, previous.year, previous.half)),
      };
    }),
  };
}

async function supervisionPart({ school }: Loaded, ctx: ActionContext): Promise<Pick<SchoolSummaryDoc, 'supervision'>> {
  const notes = await getAll<Pick<SupervisionNoteDoc, 'answers'>>(ctx.collection('supervisionNotes').where({ schoolId: school._id }).field({ answers: true }));
  return { supervision: { notes: notes.length, unanswered: notes.filter((n) => !n.answers?.length).length } };
}

const PART_LOADERS: Record<SummaryPart, (l: Loaded, ctx: ActionContext) => Promise<Parts>> = {
  plan: planPart,
  participation: participationPart,
  clubs: clubsPart,
  fees: feesPart,
  feedback: feedbackPart,
  satisfaction: satisfactionPart,
  reports: reportsPart,
  supervision: supervisionPart,
};

/**
 * Recomputes a school's summary from its documents (the parts named, or all), for its current term,
 * and saves it. Idempotent: running it twice gives the same document. A whole refresh of a school
 * of 3,000 children is a few dozen reads (the fee documents paged by 100); a part a few.
 */
export async function refreshSchoolSummary(
  ctx: ActionContext,
  schoolId: string,
  parts: readonly SummaryPart[] = SUMMARY_PARTS,
): Promise<SchoolSummaryDoc | null> {
  const school = await findById<School>(ctx, 'schools', schoolId);
  if (!school) return null;
  const id = summaryIdOf(schoolId);
  const [term, existing] = await Promise.all([
    findById<Term>(ctx, 'terms', (await ctx.collection('terms').where({ schoolId, current: true }).limit(1).get()).data[0]?._id ?? ''),
    findById<SchoolSummaryDoc>(ctx, 'schoolSummaries', id),
  ]);
  const loaded: Loaded = { school, term, today: chinaToday(ctx) };
  // A new term or a first summary: everything, so no figure of another term stays.
  const all = !existing || existing.termId !== (term?._id ?? null);
  const computing = all ? SUMMARY_PARTS : parts;
  const computed: Parts = Object.assign({}, ...(await Promise.all(computing.map((p) => PART_LOADERS[p](loaded, ctx)))));
  const fields = {
    schoolId,
    bureauId: school.bureauId,
    schoolName: school.name,
    district: school.district,
    profileId: school.profileId,
    termId: term?._id ?? null,
    termName: term?.name ?? '（未设置当前学期）',
    termStart: term?.startDate ?? null,
    updatedAt: isoNow(ctx),
    // Only a full refresh settles the changes marked before it began reading (stale.ts).
    ...(computing.length === SUMMARY_PARTS.length ? { refreshedMarks: existing?.staleMarks ?? 0 } : {}),
  };
  const doc = { ...(existing ?? {}), ...computed, ...fields, _id: id } as SchoolSummaryDoc;
  // Derived data (not a change anyone makes): written without an audit entry, like a cache.
  if (!existing) {
    const { _id, ...data } = doc;
    await ctx.collection('schoolSummaries').doc(id).set({ data });
  } else {
    // An update, never a replacement: a mark made while this computed stays (stale.ts).
    const parts = Object.fromEntries(Object.entries(computed).map(([key, value]) => [key, ctx._.set(value)]));
    await ctx
      .collection('schoolSummaries')
      .doc(id)
      .update({ data: { ...parts, ...fields } });
  }
  return doc;
}

/** Refreshes parts of a school's summary after an action changed them; a failure never fails the action (the timer catches up). */
export async function touchSchoolSummary(ctx: ActionContext, schoolId: string, parts: readonly SummaryPart[]): Promise<void> {
  try {
    if (await findById(ctx, 'schoolSummaries', summaryIdOf(schoolId))) await refreshSchoolSummary(ctx, schoolId, parts);
  } catch (error) {
    console.error('[summary]', schoolId, error);
  }
}

/**
 * Wraps an action's handler so that, once it succeeded, the parts of its school's summary it
 * changes are recomputed (the school from the input's schoolId or the scope's document).
 */
export function touching<H extends (ctx: ActionContext, input: any, scope: any) => Promise<unknown>>(handler: H, parts: readonly SummaryPart[]): H {
  return (async (ctx: ActionContext, input: { schoolId?: string }, scope: { doc?: { schoolId?: string } | null }) => {
    const result = await handler(ctx, input, scope);
    const schoolId = input?.schoolId ?? scope?.doc?.schoolId;
    if (schoolId) await touchSchoolSummary(ctx, schoolId, parts);
    return result;
  }) as H;
}
