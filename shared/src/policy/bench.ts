/**
 * npm run bench:policy — how fast the fee rules are.
 * One school of 3,000 students over a term of ~100 scheduled sessions each, per profile
 * (goal: < 200 ms per school), and charges computed per second.
 */
import { performance } from 'node:perf_hooks';
import { HARDSHIPS, STAGES } from './domain';
import { computeCharge } from './fees/charge';
import { PROFILE_IDS, type ProfileId } from './profiles/registry';
import { type ChargeInput, chargeInputSchema, repeatedSessionSchema } from './schemas';
import { expandSessions } from './sessions';

const STUDENTS = 3_000;
const TERM = { from: '2021-03-01', to: '2021-07-16' };
const schedule = expandSessions([
  repeatedSessionSchema.parse({
    every: 'weekday',
    from: TERM.from,
    to: TERM.to,
    minutes: 120,
    periods: 2,
    except: ['2021-04-05', '2021-05-03', '2021-05-04', '2021-05-05', '2021-06-14'],
  }),
]);

/** Deterministic pseudo-random numbers, so every run measures the same school. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function school(policy: ProfileId): ChargeInput[] {
  const next = random(42);
  return Array.from({ length: STUDENTS }, () => {
    const joins = next() < 0.1;
    return chargeInputSchema.parse({
      policy,
      student: { stage: STAGES[Math.floor(next() * STAGES.length)], hardship: HARDSHIPS[next() < 0.9 ? 0 : 1 + Math.floor(next() * 3)], reductionPercent: 50 },
      school: { termFeeFen: 30_000, seniorMarkupPercent: 10 },
      period: TERM,
      enrolled: joins ? { from: '2021-04-14', to: TERM.to } : undefined,
      sessions: schedule.map((session) => ({ ...session, attendedMinutes: next() < 0.08 ? 0 : next() < 0.05 ? 20 : session.minutes })),
    });
  });
}

function chargeAll(inputs: readonly ChargeInput[]): number {
  let total = 0;
  for (const input of inputs) {
    const result = computeCharge(input);
    if (result.ok) total += result.chargeFen;
  }
  return total;
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

console.log(`policy bench: ${STUDENTS} students × ${schedule.length} sessions each, term ${TERM.from}..${TERM.to}`);
for (const policy of PROFILE_IDS) {
  const inputs = school(policy);
  const totalFen = chargeAll(inputs); // also warms up
  const schoolMs = median(Array.from({ length: 7 }, () => timed(() => chargeAll(inputs))));

  let charges = 0;
  const loopStart = performance.now();
  while (performance.now() - loopStart < 1_000) {
    chargeAll(inputs);
    charges += inputs.length;
  }
  const perSecond = charges / ((performance.now() - loopStart) / 1_000);

  console.log(
    `${policy.padEnd(14)} one school (median of 7): ${schoolMs.toFixed(1).padStart(6)} ms ${schoolMs < 200 ? '(< 200 ms goal)' : '(OVER 200 ms goal)'}` +
      `  ·  ${Math.round(perSecond).toLocaleString('en-US').padStart(9)} charges/s  ·  total ${(totalFen / 100).toFixed(2)} 元`,
  );
}
