import { startQueryLog } from '../support/query-log';
import { formatStep, runScale, type StepFigures } from '../support/scale-school';

/**
 * The benchmark (npm run bench:scale) at a small size, so every budget is checked in CI: each call
 * a person waits for ≤ 30 round trips and < 100 KB, each job step ≤ 100 round trips; and every
 * query the steps make, at this size, has an index.
 *
 * Steps that are still one long call, not yet a job in steps (issue 10: roster import, posting
 * and fixing the list, publishing the template, issuing notices), are named here and reported;
 * once they run as jobs, drop them from the list (the test then holds them to the budget too).
 */
const NOT_YET_JOBS: string[] = [];
const pending = (s: StepFigures) => NOT_YET_JOBS.some((name) => s.step.includes(name));

let steps: StepFigures[];
let unindexed: string[];
beforeAll(async () => {
  let log: ReturnType<typeof startQueryLog> | undefined;
  const result = await runScale({ children: 100, otherSchools: 9, signers: 10, onRuntime: (runtime) => (log = startQueryLog(runtime)) });
  steps = result.steps;
  log?.stop();
  unindexed = log?.unindexed() ?? ['no query log'];
  await result.runtime.close();
}, 240_000);

describe('the benchmark at 100 children: every budget', () => {
  it('covers the steps of the issue', () => {
    console.log(steps.map(formatStep).join('\n'));
    for (const name of [
      'applying',
      'class bulk review',
      'school queue',
      'bulk approval',
      'public term page',
      'signing',
      'attendance day',
      'fee preview',
      'a parent’s home',
      'bureau’s queue',
    ]) {
      expect(steps.map((s) => s.step).join('\n')).toContain(name);
    }
  });

  it('every call a person waits for and every job step is within its budget', () => {
    expect(steps.filter((s) => !pending(s) && s.broken.length).map(formatStep)).toEqual([]);
  });

  it('every query has an index', () => {
    expect(unindexed).toEqual([]);
  });
});
