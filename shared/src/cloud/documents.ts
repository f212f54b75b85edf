import { chinaDate } from '../domain/china-time';
import type { CollectionName } from '../domain/collections';
import type { ActionContext } from './context';

/** One document by id, or null (doc(id).get() rejects when missing; a where-get does not). */
export async function findById<T>(ctx: ActionContext, collection: CollectionName, id: string): Promise<T | null> {
  const { data } = await ctx.collection(collection).where({ _id: id }).limit(1).get();
  return (data[0] as T | undefined) ?? null;
}

export async function findOne<T>(ctx: ActionContext, collection: CollectionName, where: Record<string, unknown>): Promise<T | null> {
  const { data } = await ctx.collection(collection).where(where).limit(1).get();
  return (data[0] as T | undefined) ?? null;
}

export async function countWhere(ctx: ActionContext, collection: CollectionName, where: Record<string, unknown>): Promise<number> {
  return (await ctx.collection(collection).where(where).count()).total;
}

/** A document body for `add`/`set` without type gymnastics. */
export const asData = <T extends object>(doc: T) => ({ ...doc }) as unknown as Record<string, unknown>;

export const isoNow = (ctx: ActionContext) => ctx.now().toISOString();

/** Today in China (YYYY-MM-DD) on the action's clock. */
export function chinaToday(ctx: ActionContext): string {
  return chinaDate(ctx.now());
}
