import { AppError, findById, forbidden, getAll, notFound, type ActionContext } from '@kehou/shared/cloud';
import type { School, Term } from '@kehou/shared';
import type { PlanRecord, PlanVersion, PublicationRecord } from '@kehou/shared/disclosure';
import { getProfile, type PolicyProfile } from '@kehou/shared/policy';

export const planIdOf = (schoolId: string, termId: string) => `${schoolId}:${termId}`;
export const versionIdOf = (planId: string, number: number) => `${planId}:s${number}`;
export const publicationIdOf = (planId: string, version: number) => `${planId}:v${version}`;

export { findById };

export interface SchoolTerm {
  school: School;
  term: Term;
  profile: PolicyProfile;
  planId: string;
}

/** The school and one of its terms; NOT_FOUND when either is missing or the term is another school's. */
export async function loadSchoolTerm(ctx: ActionContext, schoolId: string, termId: string): Promise<SchoolTerm> {
  const school = await loadSchool(ctx, schoolId);
  const term = await findById<Term>(ctx, 'terms', termId);
  if (!term || term.schoolId !== schoolId) throw notFound('该学期');
  return { school, term, profile: profileOf(school), planId: planIdOf(schoolId, termId) };
}

export async function loadSchool(ctx: ActionContext, schoolId: string): Promise<School> {
  const school = await findById<School>(ctx, 'schools', schoolId);
  if (!school) throw notFound('该学校');
  return school;
}

export function profileOf(school: School): PolicyProfile {
  const profile = getProfile(school.profileId);
  if (!profile) throw new AppError('INTERNAL', '学校的政策配置有误，请联系管理员');
  return profile;
}

export const loadPlan = (ctx: ActionContext, planId: string) => findById<PlanRecord>(ctx, 'plans', planId);

export async function loadVersions(ctx: ActionContext, planId: string): Promise<PlanVersion[]> {
  const versions = await getAll<PlanVersion>(ctx.collection('planVersions').where({ planId }));
  return versions.sort((a, b) => a.number - b.number);
}

export async function loadPublications(ctx: ActionContext, schoolId: string, termId: string): Promise<PublicationRecord[]> {
  const publications = await getAll<PublicationRecord>(ctx.collection('publications').where({ schoolId, termId }));
  return publications.sort((a, b) => a.version - b.version);
}

/** Only the school's own admin: everything a school writes. */
export function requireAdmin(ctx: ActionContext, school: School): void {
  ctx.caller.requireAdminOf(school._id);
}

/** The school's admin or a reviewer of its bureau: who may read filings and their history. */
export function requireAdminOrReviewer(ctx: ActionContext, school: School): void {
  ctx.caller.requireSignedIn();
  if (!ctx.caller.isAdminOf(school._id) && !ctx.caller.isBureauOf(school.bureauId)) {
    throw forbidden('只有本校管理员或主管教育局的审核员可以查看');
  }
}

/** A reviewer of the bureau the school files with. */
export function requireReviewer(ctx: ActionContext, school: School): void {
  ctx.caller.requireBureauOf(school.bureauId);
}

export const nowIso = (ctx: ActionContext) => ctx.now().toISOString();
