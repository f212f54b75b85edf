import { resolve } from 'node:path';
import { createRuntime } from './runtime';
import { seedDemoData } from './seed';
import { seedDemoTerm } from './seed-demo-term';
import { createLocalServer } from './server';

/** Starts the local cloud: `PORT` (default 8080), data in `KEHOU_DATA_DIR` (default .data/). */
async function main() {
  const root = resolve(__dirname, '../..');
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = resolve(root, process.env.KEHOU_DATA_DIR ?? '.data');
  const runtime = await createRuntime({ dataDir });
  if (await seedDemoData(runtime.database, runtime.clock.now())) {
    await seedDemoTerm(runtime);
    console.log('已写入演示数据（两所学校、班级、学生、演示用户，以及进行中的本学期报名）');
  }
  const server = createLocalServer({ runtime, staticDir: resolve(root, 'client/dist/h5') });
  server.listen(port, host, () => {
    console.log(`课后 本地服务已启动：http://${host}:${port}/  （发件箱：/outbox，健康检查：/healthz）`);
  });
  const stop = () => server.close(() => runtime.close().finally(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
