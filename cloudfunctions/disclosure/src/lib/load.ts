import type { School, Term } from '@kehou/shared';
import { type ActionContext, AppError, findById, getAll, notFound } from '@kehou/shared/cloud';
import type { PlanRecord, PlanVersion, PublicationRecord } from '@kehou/shared/disclosure';
import { getProfile, type PolicyProfile } from '@kehou/shared/policy';

export const planIdOf = (schoolId: string, termId: string) => `${schoolId}:${termId}`;
export const versionIdOf = (planId: string, number: number) => `${planId}:s${number}`;
export const publicationIdOf = (planId: string, version: number) => `${planId}:v${version}`;

export interface SchoolTerm {
  school: School;
  term: Term;
  profile: PolicyProfile;
  planId: string;
}

/** One of the school's terms, the school being the one the access rule loaded; NOT_FOUND when the term is missing or another school's. */
export async function loadTermOf(ctx: ActionContext, school: School, termId: string): Promise<SchoolTerm> {
  const term = await findById<Term>(ctx, 'terms', termId);
  if (!term || term.schoolId !== school._id) throw notFound('该学期');
  return { school, term, profile: profileOf(school), planId: planIdOf(school._id, termId) };
}

/** The school and one of its terms, for the public pages (no access rule loads the school there). */
export async function loadSchoolTerm(ctx: ActionContext, schoolId: string, termId: string): Promise<SchoolTerm> {
  const school = await findById<School>(ctx, 'schools', schoolId);
  if (!school) throw notFound('该学校');
  return loadTermOf(ctx, school, termId);
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

export const nowIso = (ctx: ActionContext) => ctx.now().toISOString();
