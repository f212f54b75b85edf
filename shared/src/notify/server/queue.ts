/**
 * The message queue (collection `messageQueue`). An action never sends a subscription message
 * itself: `ctx.notify` collects what it wants to say, and when the action has succeeded the router
 * writes it, in batches of at most `BATCH_SIZE` messages per queue document (one round trip each,
 * whatever the number of guardians). The `messages` cloud function's timer sends them
 * (drain.ts), once per natural key: template + person + thing + China day.
 */
import { createHash } from 'node:crypto';
import type { ActionContext } from '../../cloud/context';
import { isDuplicateKeyError } from '../../cloud/errors';
import type { SubscribeMessage } from '../../cloud/sdk';
import { chinaDate } from '../../domain/china-time';

/** Messages per queue document: one drain step sends one document's messages. */
export const BATCH_SIZE = 25;

export interface NotifyOptions {
  /**
   * What the message is about (an application and its revision, a notice, a reminder's subject):
   * the same thing is told to the same person at most once a day. Default: the message's content.
   */
  thing?: string;
}

export interface QueuedMessage extends SubscribeMessage {
  /** template + person + thing + day: the message's natural key. */
  key: string;
  thing: string;
  day: string;
  /** function.action that caused it. */
  source: string;
  at: string;
}

/** A queue document: messages one action (or one step of a timer) caused, waiting to be sent. */
export interface QueueBatchDoc {
  _id: string;
  kind: 'batch';
  status: 'queued' | 'done';
  messages: QueuedMessage[];
  source: string;
  createdAt: string;
  /**
   * Send order: real time and a counter, so batches go out in the order they were queued even when
   * the local runtime's clock was moved in between (in WeChat the two orders are the same).
   */
  seq: string;
  doneAt?: string;
}

let counter = 0;
const nextSeq = () => `${Date.now().toString(36).padStart(10, '0')}-${(counter++ % 1_000_000).toString(36).padStart(4, '0')}`;

/** A message the drain handled: sent, held (no consent left) or failed. Its id is the natural key's hash. */
export interface MessageRecordDoc extends Omit<QueuedMessage, 'key'> {
  _id: string;
  kind: 'message';
  key: string;
  status: 'sending' | 'sent' | 'held' | 'failed';
  reason?: string;
  /** Schools and classes of the person (guardianships, staff roles), so a held message shows at the school. */
  schoolIds: string[];
  classIds: string[];
  handledAt: string;
}

const hash = (text: string, length = 24) => createHash('sha256').update(text).digest('hex').slice(0, length);

/** The thing a message is about when the caller does not say: its page and fields. */
export function contentThing(message: SubscribeMessage): string {
  return hash(JSON.stringify([message.page ?? '', Object.entries(message.data).map(([k, v]) => [k, v.value])]), 16);
}

export function naturalKey(templateId: string, touser: string, thing: string, day: string): string {
  return `${templateId}|${touser}|${thing}|${day}`;
}

export const recordIdOf = (key: string) => `m-${hash(key, 32)}`;

/** Collects an action's messages until it succeeds (`flush`); the same key twice is one message. */
export class MessageBuffer {
  private readonly pending = new Map<string, QueuedMessage>();

  constructor(
    private readonly source: string,
    private readonly now: () => Date,
  ) {}

  add(message: SubscribeMessage, options: NotifyOptions = {}): boolean {
    if (!message.touser || !message.templateId) return false;
    const at = this.now();
    const day = chinaDate(at);
    const thing = options.thing ?? contentThing(message);
    const key = naturalKey(message.templateId, message.touser, thing, day);
    if (this.pending.has(key)) return false;
    this.pending.set(key, { ...message, key, thing, day, source: this.source, at: at.toISOString() });
    return true;
  }

  get size(): number {
    return this.pending.size;
  }

  /** Writes the collected messages to the queue (one document per BATCH_SIZE); a retry writes nothing twice. */
  async flush(ctx: Pick<ActionContext, 'collection' | 'now'>): Promise<number> {
    const messages = [...this.pending.values()];
    this.pending.clear();
    let written = 0;
    for (let i = 0; i < messages.length; i += BATCH_SIZE) {
      const chunk = messages.slice(i, i + BATCH_SIZE);
      const doc: QueueBatchDoc = {
        _id: `b-${hash(chunk.map((m) => m.key).join('\n'))}`,
        kind: 'batch',
        status: 'queued',
        messages: chunk,
        source: this.source,
        createdAt: ctx.now().toISOString(),
        seq: nextSeq(),
      };
      try {
        await ctx.collection('messageQueue').add({ data: { ...doc } as unknown as Record<string, unknown> });
        written += chunk.length;
      } catch (error) {
        // The same messages were queued by an earlier try of the same action: the drain dedupes by key anyway.
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    return written;
  }
}
