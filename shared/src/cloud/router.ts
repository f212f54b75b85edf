import { z } from 'zod';
import type { ActionContract, Contract, OutputOf, ParsedInputOf, ScopeOf } from '../contracts/define';
import type { UserDoc } from '../domain/people';
import { describeIssues } from '../domain/zod-zh';
import { MessageBuffer } from '../notify/server/queue';
import { resolveAccess, type Scope } from './access';
import { auditEntry } from './audited';
import { Caller } from './caller';
import type { ActionContext, AuditTarget } from './context';
import { AppError } from './errors';
import type { CloudSdk } from './sdk';

export type CallResult<T = unknown> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown };

/** Action names are short identifiers: a longer one is refused without being echoed back. */
const eventSchema = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional() }).passthrough();

export type CloudFunction = ((cloud: CloudSdk, event: unknown, context?: unknown) => Promise<CallResult>) & {
  /** The action names it answers (tests and reviews go through every one). */
  readonly actionNames?: readonly string[];
};

/** What an action's handler gets: the context, the parsed input and the scope its access rule resolved. */
export type HandlerOf<A> = (ctx: ActionContext, input: ParsedInputOf<A>, scope: Scope<ScopeOf<A>>) => Promise<OutputOf<A>>;

/** The handlers of a contract: one per action, no more and no fewer (a missing or misspelt one does not compile). */
export type HandlersOf<C extends Contract> = { [K in keyof C['actions']]: HandlerOf<C['actions'][K]> };

/** Implements one action of a contract: the handler is typed by the contract's input, scope and output. */
export function implement<A extends ActionContract<any, any, any>>(_contract: A, handler: HandlerOf<A>): HandlerOf<A> {
  return handler;
}

/**
 * Builds a cloud function from an area's contract: parses the event, identifies the caller from
 * the WeChat context, validates input with the action's zod schema, checks the action's access
 * rule (loading the scope's document once), runs the handler and turns errors into a
 * `{ ok: false, code, message }` answer in Chinese. Nothing is written when input is bad or the
 * caller is refused.
 */
export function createCloudFunction<C extends Contract>(contract: C, handlers: HandlersOf<C>): CloudFunction {
  const functionName = contract.name;
  const fn: CloudFunction = async (cloud, event) => {
    try {
      const parsedEvent = eventSchema.safeParse(event);
      if (!parsedEvent.success) throw new AppError('INVALID_INPUT', '请求格式不正确：缺少 action 或 action 无效');
      const { action: actionName, data } = parsedEvent.data;
      const known = Object.hasOwn(contract.actions, actionName);
      const spec = known ? (contract.actions[actionName] as ActionContract) : undefined;
      const handler = known ? (handlers as Record<string, HandlerOf<ActionContract>>)[actionName] : undefined;
      if (!spec || !handler) throw new AppError('UNKNOWN_ACTION', `不支持的操作：${actionName}`);
      const input = spec.input.safeParse(data ?? {});
      if (!input.success) {
        throw new AppError('INVALID_INPUT', `输入有误：${describeIssues(input.error.issues, spec.input)}`, input.error.issues);
      }
      const ctx = await buildContext(cloud, functionName, actionName);
      const scope = await resolveAccess(ctx, spec.access, input.data);
      const result = await handler(ctx, input.data, scope as never);
      await ctx.flushMessages();
      return { ok: true, data: result ?? null };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, code: error.code, message: error.message, details: error.details };
      }
      console.error(`[${functionName}]`, error);
      return { ok: false, code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' };
    }
  };
  return Object.assign(fn, { actionNames: Object.keys(contract.actions) });
}

/** The context an action (or a WeChat-triggered function: a payment callback, a timer) runs in. */
export async function buildContext(cloud: CloudSdk, functionName: string, actionName: string): Promise<ActionContext> {
  const db = cloud.database();
  const openid = cloud.getWXContext().OPENID || null;
  const user = openid ? await findUser(db, openid) : null;
  const caller = new Caller(openid, user);
  const now = () => (cloud.now ? cloud.now() : new Date());
  const messages = new MessageBuffer(`${functionName}.${actionName}`, now);
  return {
    cloud,
    db,
    _: db.command,
    caller,
    functionName,
    actionName,
    now,
    collection: (name) => db.collection(name),
    audit: async (targets: AuditTarget[], summary?: string) => {
      await db.collection('audit').add({ data: { ...auditEntry({ db, caller, functionName, actionName }, { targets, summary: summary ?? '' }) } });
    },
    notify: async (message, options) => messages.add(message, options),
    flushMessages: () => messages.flush({ collection: (name) => db.collection(name), now }),
  };
}

async function findUser(db: ReturnType<CloudSdk['database']>, openid: string): Promise<UserDoc | null> {
  const { data } = await db.collection('users').where({ _id: openid }).limit(1).get();
  return (data[0] as UserDoc | undefined) ?? null;
}
