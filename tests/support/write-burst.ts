/**
 * A child process for the crash test: opens the data folder given as argv[2], then keeps four
 * parents' worth of feedback coming (each submission a write with its audit entry), printing
 * `ack <feedbackId>` for every one the function answered ok, until it is killed.
 */
import { createRuntime, DEMO, DEMO_IDS, seedDemoData } from '../../local-cloud/src';

async function main() {
  const runtime = await createRuntime({ dataDir: process.argv[2] });
  await seedDemoData(runtime.database);
  process.stdout.write('ready\n');
  let n = 0;
  const writer = async () => {
    for (;;) {
      const i = n++;
      const answer = await runtime.call<{ id: string }>(
        'feedback',
        {
          action: 'submitFeedback',
          data: { studentId: DEMO_IDS.childXiaoming, requestId: `burst-${String(i).padStart(8, '0')}`, topic: 'other', text: `第 ${i} 条意见：放学时间` },
        },
        DEMO.parent,
      );
      if (answer.ok) process.stdout.write(`ack ${answer.data.id}\n`);
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
}

main();
