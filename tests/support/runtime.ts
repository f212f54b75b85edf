import type { FunctionName } from '@kehou/shared';
import type { Database } from '@kehou/shared/cloud';
import { createRuntime, DEMO, DEMO_IDS, type LocalRuntime, seedDemoData } from '../../local-cloud/src';
import { seedDemoTerm } from '../../local-cloud/src/seed-demo-term';

export { DEMO, DEMO_IDS };

/**
 * A fresh in-memory local cloud with the demo data, and a way to call functions as someone.
 * `demoTerm`: also replay the term under way, as `npm start` does (local-cloud/src/seed-demo-term.ts).
 */
export async function startTestCloud(options: { demoTerm?: boolean } = {}) {
  const runtime = await createRuntime();
  await seedDemoData(runtime.database, runtime.clock.now());
  if (options.demoTerm) await seedDemoTerm(runtime);
  return {
    runtime,
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
    close: () => runtime.close(),
  };
}

export type TestCloud = Awaited<ReturnType<typeof startTestCloud>>;
export type { LocalRuntime };
