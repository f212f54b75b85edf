import { type ActionContext, findById, findOne } from '../../cloud';
import type { ClassGroup, Publication, School, Student, Term } from '../../index';

export const getSchool = (ctx: ActionContext, id: string) => findById<School>(ctx, 'schools', id);
export const getClass = (ctx: ActionContext, id: string) => findById<ClassGroup>(ctx, 'classes', id);
export const getStudent = (ctx: ActionContext, id: string) => findById<Student>(ctx, 'students', id);

/** The school's current term (null: none set). */
export const currentTerm = (ctx: ActionContext, schoolId: string) => findOne<Term>(ctx, 'terms', { schoolId, current: true });

/** The published plan parents enrol into: the current publication of the school and term. */
export const currentPublication = (ctx: ActionContext, schoolId: string, termId: string) =>
  findOne<Publication>(ctx, 'publications', { schoolId, termId, current: true });

/** Publications never change, so one read per request is enough. */
export function publicationCache(ctx: ActionContext) {
  const cache = new Map<string, Promise<Publication | null>>();
  return (id: string) => {
    if (!cache.has(id)) cache.set(id, findById<Publication>(ctx, 'publications', id));
    return cache.get(id)!;
  };
}

/** The term the caller means: the one given (it must belong to the school) or the current one. */
export async function resolveTerm(ctx: ActionContext, schoolId: string, termId?: string): Promise<Term | null> {
  if (!termId) return currentTerm(ctx, schoolId);
  const term = await findById<Term>(ctx, 'terms', termId);
  return term && term.schoolId === schoolId ? term : null;
}
