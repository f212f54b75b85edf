import { type FunctionName, TEMPLATE_IDS } from '@kehou/shared';
import type { Database } from '@kehou/shared/cloud';
import { createRuntime, DEMO, DEMO_IDS, type LocalRuntime, seedDemoData } from '../../local-cloud/src';
import { seedDemoTerm } from '../../local-cloud/src/seed-demo-term';

export { DEMO, DEMO_IDS };

/**
 * Consents of every template for a person, written straight into the database as the seed writes
 * its people (the client records them through messages.recordConsents when a parent taps 允许).
 * `startTestCloud` gives every demo user 20 unless `consents: false`.
 */
export async function grantConsents(db: Database, openid: string, count = 20): Promise<void> {
  for (const templateId of TEMPLATE_IDS) {
    const _id = `${templateId}:${openid}`;
    await db
      .collection('messageConsents')
      .doc(_id)
      .set({ data: { openid, templateId, remaining: count, accepted: count, used: 0, updatedAt: new Date().toISOString() } });
  }
}

/**
 * A fresh in-memory local cloud with the demo data, and a way to call functions as someone.
 * `demoTerm`: also replay the term under way, as `npm start` does (local-cloud/src/seed-demo-term.ts).
 */
export async function startTestCloud(options: { demoTerm?: boolean; consents?: boolean } = {}) {
  const runtime = await createRuntime();
  await seedDemoData(runtime.database, runtime.clock.now());
  if (options.demoTerm) await seedDemoTerm(runtime);
  if (options.consents !== false) for (const openid of Object.values(DEMO)) await grantConsents(runtime.database as Database, openid);
  return {
    runtime,
    /** Gives a person `count` consents of every template, as if they had tapped 允许 that often. */
    allowMessages: (openid: string, count?: number) => grantConsents(runtime.database as Database, openid, count),
    /** Round trips, bytes and messages of the functions' work; `measure(fn, { stopAfter: k })` kills a call after k round trips (local-cloud/src/metering.ts). */
    meter: runtime.meter,
    /** The database as handlers see it (wx-server-sdk typings: documents are loosely typed). */
    db: runtime.database as Database,
    /** Calls `name.action` as the given openid (null: not signed in) and returns WeChat's answer. */
    call: <T = any>(openid: string | null, name: FunctionName, action: string, data: unknown = {}) => runtime.call<T>(name, { action, data }, openid),
    /** Like call, but throws unless the answer is ok, and returns its data. */
    ok: async <T = any>(openid: string | null, name: FunctionName, action: string, data: unknown = {}): Promise<T> => {
      const answer = await runtime.call<T>(name, { action, data }, openid);
      if (!answer.ok) throw new Error(`${name}.${action} as ${openid}: ${answer.code} ${answer.message}`);
      return answer.data;
    },
    /**
     * The messages sent so far (to `openid`, or to everyone): drains the queue first, as the messages
     * function's timer would, so what the actions queued is in the outbox.
     */
    sent: async (openid?: string) => {
      await runtime.drainMessages();
      return runtime.outbox.list(openid);
    },
    close: () => runtime.close(),
  };
}

export type TestCloud = Awaited<ReturnType<typeof startTestCloud>>;
export type { LocalRuntime };
