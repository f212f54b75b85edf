/**
 * npm run bench:scale [-- --children 3000 --latency 20 --appliers 300]: a school of 3,000 children in 60 classes
 * (1–2 guardians each) plus 99 more schools of its bureau, through the real actions on the local
 * runtime with the metering database (tests/support/scale-school.ts). Prints, per action and per
 * job: N, calls or steps, round trips, the largest answer, messages, local time and the estimate at
 * 20 ms a round trip, against its budget; exits 1 when a budget is broken. Not part of npm test
 * (slow); tests/integration/scale-budgets.test.ts runs the same at 300 children.
 */
import { formatStep, runScale } from '../tests/support/scale-school';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main(): Promise<number> {
  const children = arg('children', 3000);
  const latencyMs = arg('latency', 0);
  // Families applying through the real action; the rest copy one of theirs (3,000 calls alone take most of an hour here).
  const appliers = arg('appliers', children);
  console.log(
    `课后 规模测试：${children} 名学生，${Math.ceil(children / 50)} 个班，另有 99 所同局学校；${appliers} 户通过报名接口报名；每次往返延迟 ${latencyMs} ms（估计按 20 ms）`,
  );
  const started = performance.now();
  const { steps, runtime } = await runScale({ children, latencyMs, appliers, log: (line) => console.log(line) });
  await runtime.close();
  const broken = steps.filter((s) => s.broken.length);
  console.log(`\n共 ${steps.length} 项，用时 ${((performance.now() - started) / 1000).toFixed(0)} s；超出预算 ${broken.length} 项`);
  for (const s of broken) console.log(`  ✗ ${formatStep(s)}`);
  return broken.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
