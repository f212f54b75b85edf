import { type ActionContext, findById, forbidden } from '../../cloud';
import type { GuardianshipRecord } from '../../index';

/**
 * Who may act for whom is each action's access rule (shared/src/contracts), checked by the router
 * before the handler runs. What is left here is what a handler needs to know about the caller.
 */

/**
 * The caller's confirmed guardianship of the child, for an action the router let a guardian call:
 * its name and relation go into what the guardian does (who applied, who signed).
 */
export async function callerGuardianship(ctx: ActionContext, studentId: string): Promise<GuardianshipRecord> {
  const openid = ctx.caller.requireSignedIn();
  const guardianship = await findById<GuardianshipRecord>(ctx, 'guardianships', `${studentId}:${openid}`);
  // Only if the binding was undone since the router looked.
  if (guardianship?.status !== 'confirmed') throw forbidden('只能为自己已绑定的孩子办理');
  return guardianship;
}
