import { z } from 'zod';
import type { UserDoc } from '../domain/people';
import { Caller } from './caller';
import type { ActionContext, AuditTarget } from './context';
import { auditEntry } from './audited';
import { AppError } from './errors';
import type { CloudSdk, SubscribeMessage } from './sdk';
import { describeIssues } from './zod-zh';

export interface Action<S extends z.ZodTypeAny = z.ZodTypeAny, R = unknown> {
  input: S;
  handler: (ctx: ActionContext, input: z.infer<S>) => Promise<R>;
}

export function defineAction<S extends z.ZodTypeAny, R>(action: Action<S, R>): Action<S, R> {
  return action;
}

export type CallResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; details?: unknown };

/** Action names are short identifiers: a longer one is refused without being echoed back. */
const eventSchema = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional() }).passthrough();

export type CloudFunction = ((cloud: CloudSdk, event: unknown, context?: unknown) => Promise<CallResult>) & {
  /** The action names it answers (tests and reviews go through every one). */
  readonly actionNames?: readonly string[];
};

/**
 * Builds a cloud function from named actions: parses the event, identifies the caller from the
 * WeChat context, validates input with the action's zod schema and turns errors into a
 * `{ ok: false, code, message }` answer in Chinese. Nothing is written when input is bad.
 */
export function createCloudFunction(
  functionName: string,
  actions: Record<string, Action<any, any>>,
): CloudFunction {
  const fn = async (cloud: CloudSdk, event: unknown): Promise<CallResult> => {
    try {
      const parsedEvent = eventSchema.safeParse(event);
      if (!parsedEvent.success) throw new AppError('INVALID_INPUT', '请求格式不正确：缺少 action 或 action 无效');
      const { action: actionName, data } = parsedEvent.data;
      const action = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
      if (!action) throw new AppError('UNKNOWN_ACTION', `不支持的操作：${actionName}`);
      const input = action.input.safeParse(data ?? {});
      if (!input.success) {
        throw new AppError('INVALID_INPUT', `输入有误：${describeIssues(input.error.issues)}`, input.error.issues);
      }
      const ctx = await buildContext(cloud, functionName, actionName);
      const result = await action.handler(ctx, input.data);
      return { ok: true, data: result ?? null };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, code: error.code, message: error.message, details: error.details };
      }
      console.error(`[${functionName}]`, error);
      return { ok: false, code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' };
    }
  };
  return Object.assign(fn, { actionNames: Object.keys(actions) });
}

async function buildContext(cloud: CloudSdk, functionName: string, actionName: string): Promise<ActionContext> {
  const db = cloud.database();
  const openid = cloud.getWXContext().OPENID || null;
  const user = openid ? await findUser(db, openid) : null;
  const caller = new Caller(openid, user);
  return {
    cloud,
    db,
    _: db.command,
    caller,
    functionName,
    actionName,
    now: () => (cloud.now ? cloud.now() : new Date()),
    collection: (name) => db.collection(name),
    audit: async (targets: AuditTarget[], summary?: string) => {
      await db.collection('audit').add({ data: { ...auditEntry({ db, caller, functionName, actionName }, { targets, summary: summary ?? '' }) } });
    },
    notify: async (message: SubscribeMessage) => {
      try {
        await cloud.openapi.subscribeMessage.send(message);
        return true;
      } catch (error) {
        console.warn(`[${functionName}] subscribe message not sent`, error);
        return false;
      }
    },
  };
}

async function findUser(db: ReturnType<CloudSdk['database']>, openid: string): Promise<UserDoc | null> {
  const { data } = await db.collection('users').where({ _id: openid }).limit(1).get();
  return (data[0] as UserDoc | undefined) ?? null;
}
