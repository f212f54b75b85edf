import { type ActionContext, AppError, findById, findOne, getAll, invalidState } from '../../cloud';
import { chargeability as planChargeability } from '../../disclosure/chargeable';
import type { ClassGroup, Publication, School, ServicePlan, Term } from '../../index';
import { type BillingPeriod, findBillingPeriod, formatCitation, getProfile, type PolicyProfile } from '../../policy';

/** Everything billing a school's term reads once per call. */
export interface TermBilling {
  school: School;
  term: Term;
  profile: PolicyProfile;
  plan: ServicePlan | null;
  /** The current publication: its schedules and fee settings are what families were told. */
  publication: Publication | null;
  classes: Map<string, ClassGroup>;
}

/** The school and one of its terms (a term of another school reads as missing). */
export async function loadSchoolTerm(ctx: ActionContext, schoolId: string, termId: string): Promise<{ school: School; term: Term }> {
  const school = await findById<School>(ctx, 'schools', schoolId);
  if (!school) throw new AppError('NOT_FOUND', '学校不存在');
  const term = await findById<Term>(ctx, 'terms', termId);
  if (!term || term.schoolId !== schoolId) throw new AppError('NOT_FOUND', '学期不存在');
  return { school, term };
}

export async function loadTermBilling(ctx: ActionContext, schoolId: string, termId: string): Promise<TermBilling> {
  const { school, term } = await loadSchoolTerm(ctx, schoolId, termId);
  const [plan, publication, classes] = await Promise.all([
    findById<ServicePlan>(ctx, 'plans', `${schoolId}:${termId}`),
    findOne<Publication>(ctx, 'publications', { schoolId, termId, current: true }),
    getAll<ClassGroup>(ctx.collection('classes').where({ schoolId })),
  ]);
  return { school, term, profile: getProfile(school.profileId), plan, publication, classes: new Map(classes.map((c) => [c._id, c])) };
}

/** Why fees may not be issued for this term (free, plan not approved, not disclosed), or null. */
export function notChargeable(billing: TermBilling): { reason: string; citation: string } | null {
  const free = billing.profile.fees.model;
  if (free.kind === 'free') return { reason: '课后服务经费由政府保障，不向家长收取任何费用。', citation: formatCitation(free.citation) };
  const answer = planChargeability(billing.plan);
  if (answer.chargeable) {
    if (!billing.publication) return { reason: '本学期的方案还没有公开，收费标准公示前不得收费。', citation: '' };
    return null;
  }
  return { reason: answer.reason, citation: answer.citation ? formatCitation(answer.citation) : '' };
}

/** Throws (with the clause) unless the term may be charged. */
export function assertTermChargeable(billing: TermBilling): asserts billing is TermBilling & { publication: Publication; plan: ServicePlan } {
  const problem = notChargeable(billing);
  if (problem) throw new AppError('POLICY_VIOLATION', problem.citation ? `${problem.reason}（${problem.citation}）` : problem.reason);
}

/** The term's billing period with this key under the school's profile, or a clear refusal. */
export function periodOf(billing: TermBilling, periodKey: string): BillingPeriod {
  const period = findBillingPeriod(billing.school.profileId, billing.term, periodKey);
  if (!period) throw invalidState(`本学期没有「${periodKey}」这个收费期间，请从列出的期间中选择`);
  return period;
}
