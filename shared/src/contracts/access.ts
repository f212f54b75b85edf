/**
 * Who may call an action, as data: one rule per action, declared beside its contract and checked
 * by the router before the handler runs (shared/src/cloud/access.ts). Rules are small and
 * declarative (in the spirit of casl): the roles allowed, the scope they must hold a role in, and
 * why, in Chinese, for the refusal.
 */

/** A role a person holds in a scope: guardian of a child, teacher of a class, admin or committee of a school, reviewer of its bureau. */
export type Role = 'guardian' | 'teacher' | 'admin' | 'committee' | 'reviewer';

/**
 * What an input names, that a role must be held in. School, class and student scopes are read
 * from ids the caller may legitimately know; document scopes load the document first, and a
 * caller outside its scope is told the same for a missing and an existing id.
 */
export type ScopeKind = 'school' | 'class' | 'student' | 'application' | 'notice' | 'refund' | 'listing' | 'feedback' | 'guardianship' | 'signature' | 'job';

/** The input field holding the scope's id, unless the rule names another. */
export const SCOPE_FIELDS: Record<ScopeKind, string> = {
  school: 'schoolId',
  class: 'classId',
  student: 'studentId',
  application: 'applicationId',
  notice: 'noticeId',
  refund: 'refundId',
  listing: 'listingId',
  feedback: 'feedbackId',
  guardianship: 'guardianshipId',
  signature: 'signatureId',
  job: 'jobId',
};

/** Scopes whose id names a document a stranger must not learn exists. */
export const DOCUMENT_SCOPES: readonly ScopeKind[] = ['application', 'notice', 'refund', 'listing', 'feedback', 'guardianship', 'signature', 'job'];

/** `K`: the scope kind (never for rules without a scope), so a handler knows which document it is given. */
export type AccessRule<K extends ScopeKind = ScopeKind> =
  | { readonly kind: 'anyone'; readonly why: string }
  | { readonly kind: 'signed-in'; readonly why: string }
  | { readonly kind: 'holder'; readonly roles: readonly Role[]; readonly why: string }
  | { readonly kind: 'role'; readonly roles: readonly Role[]; readonly scope: K; readonly field: string; readonly why: string };

/** Open to everyone, signed in or not (public pages). */
export const anyone = (why: string): AccessRule<never> => ({ kind: 'anyone', why });

/** Anyone signed in with WeChat; the handler reads only the caller's own data. */
export const signedIn = (why: string): AccessRule<never> => ({ kind: 'signed-in', why });

/**
 * Only callers holding one of `roles` somewhere (a reviewer of any bureau); the handler reads only
 * within the scopes the caller holds, taken from their roles, never from the input.
 */
export const holderOf = (roles: readonly Role[], why: string): AccessRule<never> => ({ kind: 'holder', roles, why });

/**
 * Only callers holding one of `roles` in the scope the input names (e.g. the admin of the input's
 * school: `allow(['admin'], 'school', '只有本校管理员可以发出收费通知')`).
 */
export function allow<K extends ScopeKind>(roles: readonly Role[], scope: K, why: string, field: string = SCOPE_FIELDS[scope]): AccessRule<K> {
  return { kind: 'role', roles, scope, field, why };
}

const ROLE_LABELS: Record<Role, string> = {
  guardian: '孩子的监护人',
  teacher: '班主任',
  admin: '学校管理员',
  committee: '家委会成员',
  reviewer: '教育局审核员',
};

/** The rule in plain words, for the README table and the matrix test's report. */
export function describeRule(rule: AccessRule): string {
  if (rule.kind === 'anyone') return '任何人';
  if (rule.kind === 'signed-in') return '已登录的用户';
  if (rule.kind === 'holder') return `${rule.roles.map((r) => ROLE_LABELS[r]).join('或')}（本人所在范围）`;
  return `${rule.roles.map((r) => ROLE_LABELS[r]).join('或')}（${rule.scope}）`;
}
