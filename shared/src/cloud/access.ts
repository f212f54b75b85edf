import type { SignatureDoc } from '../agreement/types';
import { type AccessRule, DOCUMENT_SCOPES, type Role, type ScopeKind } from '../contracts/access';
import type { CollectionName } from '../domain/collections';
import type { ClassGroup, School, Student } from '../domain/people';
import type { ApplicationDoc, GuardianshipRecord, ListingDoc } from '../enrollment/types';
import type { FeedbackDoc } from '../feedback/types';
import type { FeeNoticeDoc, RefundDoc } from '../fees/types';
import type { ActionContext } from './context';
import { findById, findOne } from './documents';
import { AppError, forbidden } from './errors';

/** The kind of role record (users.roles) each staff role is held by (a guardian's are guardianships, per child). */
const CALLER_ROLE = { teacher: 'teacher', admin: 'admin', committee: 'committee', reviewer: 'bureau' } as const;

/** The document each scope names, as the router loads it for the handler. */
export interface ScopeDocs {
  school: School;
  class: ClassGroup;
  student: Student;
  application: ApplicationDoc;
  notice: FeeNoticeDoc;
  refund: RefundDoc;
  listing: ListingDoc;
  feedback: FeedbackDoc;
  guardianship: GuardianshipRecord;
  signature: SignatureDoc;
}

/** What the router found: the roles the caller holds in the action's scope, and the scope's document. */
export interface Scope<K extends ScopeKind = never> {
  readonly as: readonly Role[];
  readonly doc: [K] extends [never] ? null : ScopeDocs[K];
  /** When the caller acts as the child's guardian: the name they bound with (the one name a guardian has everywhere). */
  readonly guardianName?: string;
}

const COLLECTIONS: Record<ScopeKind, CollectionName> = {
  school: 'schools',
  class: 'classes',
  student: 'students',
  application: 'applications',
  notice: 'feeNotices',
  refund: 'refunds',
  listing: 'listings',
  feedback: 'feedback',
  guardianship: 'guardianships',
  signature: 'signatures',
};

/**
 * Scopes whose input names the document by another field than its id: a binding request is named
 * by its opaque reference (bindingRef), as the class teacher's queue hands it out, since its id
 * holds the parent's openid.
 */
const LOOKUP_FIELDS: Partial<Record<ScopeKind, string>> = { guardianship: 'ref' };

/**
 * Scopes placed by another document: a signature keeps the class of the day it was signed, but
 * the child belongs to wherever its application is now (a child who moved class is the new class
 * teacher's, not the old one's).
 */
const PLACED_BY: Partial<Record<ScopeKind, { collection: CollectionName; field: string }>> = {
  signature: { collection: 'applications', field: 'applicationId' },
};

async function loadScopeDoc(ctx: ActionContext, kind: ScopeKind, id: string): Promise<Record<string, unknown> | null> {
  const field = LOOKUP_FIELDS[kind];
  return field ? findOne(ctx, COLLECTIONS[kind], { [field]: id }) : findById(ctx, COLLECTIONS[kind], id);
}

async function placingDoc(ctx: ActionContext, kind: ScopeKind, doc: Record<string, unknown>): Promise<Record<string, unknown>> {
  const by = PLACED_BY[kind];
  const id = by ? doc[by.field] : undefined;
  return (typeof id === 'string' && (await findById<Record<string, unknown>>(ctx, by!.collection, id))) || doc;
}

/** Where a scope's document says it belongs. */
interface Placement {
  schoolId?: string;
  classId?: string;
  studentId?: string;
  bureauId?: string;
}

function placementOf(kind: ScopeKind, id: string, doc: Record<string, unknown> | null): Placement {
  const text = (key: string) => (typeof doc?.[key] === 'string' ? (doc[key] as string) : undefined);
  switch (kind) {
    case 'school':
      return { schoolId: id, bureauId: text('bureauId') };
    case 'class':
      return { schoolId: text('schoolId'), classId: id };
    case 'student':
      return { schoolId: text('schoolId'), classId: text('classId'), studentId: id };
    default:
      return { schoolId: text('schoolId'), classId: text('classId'), studentId: text('studentId') };
  }
}

/**
 * Checks an action's access rule against the caller (identity from the WeChat context only) and
 * the input, before the handler runs, and hands the handler the scope's document so it is read
 * once. A caller outside a document scope is told the same for a missing and an existing id
 * (NOT_FOUND, the rule's words); outside a school, class or child scope, FORBIDDEN.
 */
export async function resolveAccess<K extends ScopeKind>(ctx: ActionContext, rule: AccessRule<K>, input: unknown): Promise<Scope<K>> {
  if (rule.kind === 'anyone') return { as: [], doc: null } as unknown as Scope<K>;
  const openid = ctx.caller.requireSignedIn();
  if (rule.kind === 'signed-in') return { as: [], doc: null } as unknown as Scope<K>;
  if (rule.kind === 'holder') {
    const held = rule.roles.filter((role) => role !== 'guardian' && ctx.caller.roles(CALLER_ROLE[role]).length > 0);
    if (held.length === 0) throw forbidden(rule.why);
    return { as: held, doc: null } as unknown as Scope<K>;
  }

  const refuse = () => (DOCUMENT_SCOPES.includes(rule.scope) ? new AppError('NOT_FOUND', rule.why) : forbidden(rule.why));
  const id = (input as Record<string, unknown> | null)?.[rule.field];
  if (typeof id !== 'string' || !id) throw refuse();
  const doc = await loadScopeDoc(ctx, rule.scope, id);
  if (!doc) throw refuse();
  const at = placementOf(rule.scope, id, await placingDoc(ctx, rule.scope, doc));
  const { caller } = ctx;

  const held: Role[] = [];
  for (const role of rule.roles) {
    if (role === 'admin' && at.schoolId && caller.isAdminOf(at.schoolId)) held.push(role);
    if (role === 'committee' && at.schoolId && caller.isCommitteeOf(at.schoolId)) held.push(role);
    if (
      role === 'teacher' &&
      (at.classId ? caller.isTeacherOf(at.classId) : rule.scope === 'school' && caller.roles('teacher').some((r) => r.schoolId === at.schoolId))
    )
      held.push(role);
    if (role === 'reviewer' && at.bureauId && caller.isBureauOf(at.bureauId)) held.push(role);
  }
  let guardianName: string | undefined;
  if (rule.roles.includes('guardian') && at.studentId) {
    const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${at.studentId}:${openid}`);
    if (guardianship?.status === 'confirmed') {
      held.push('guardian');
      guardianName = guardianship.guardianName;
    } else if (guardianship?.status === 'pending' && held.length === 0 && rule.scope === 'student') throw forbidden('您与孩子的绑定还在等待班主任确认');
  }
  if (held.length === 0) throw refuse();
  return { as: held, doc, ...(guardianName ? { guardianName } : {}) } as unknown as Scope<K>;
}
