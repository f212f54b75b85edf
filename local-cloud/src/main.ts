import { copyFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import {
  backUp,
  chinaStamp,
  claimDataFolder,
  DEFAULT_KEEP,
  dailyBackupDue,
  dataDirFromEnv,
  describeBackup,
  displayPath,
  listBackups,
  pruneBackups,
} from './data-folder';
import { CorruptDataFileError } from './database';
import { allowedHostsFromEnv, LOOPBACK_HOSTS } from './http/hosts';
import { createRuntime, type LocalRuntime } from './runtime';
import { seedDemoData } from './seed';
import { seedDemoTerm } from './seed-demo-term';
import { createLocalServer } from './server';

const HOUR_MS = 3600_000;
/** Exit code of a start refused because a data file is damaged (`npm start` passes it on). */
const EXIT_DAMAGED_DATA = 3;

/**
 * Starts the local cloud: `PORT` (default 8080) on `HOST` (default 127.0.0.1), data in
 * `KEHOU_DATA_DIR` (default .data/), backups kept: `KEHOU_BACKUPS_KEEP` (default 10 of each kind).
 * A production-like start (`NODE_ENV=production`, `KEHOU_ALLOWED_HOSTS` set, or a HOST other than
 * loopback) runs on real time: the dev clock endpoint does not exist there.
 */
async function main() {
  const root = resolve(__dirname, '../..');
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '127.0.0.1';
  const allowedHosts = allowedHostsFromEnv();
  const productionLike = process.env.NODE_ENV === 'production' || allowedHosts.length > 0 || !LOOPBACK_HOSTS.includes(host === '::1' ? '[::1]' : host);
  const keep = Number(process.env.KEHOU_BACKUPS_KEEP ?? DEFAULT_KEEP);
  const dataDir = dataDirFromEnv();

  const release = claimDataFolder(dataDir);
  let runtime: LocalRuntime;
  try {
    runtime = await createRuntime({ dataDir });
  } catch (error) {
    release();
    if (error instanceof CorruptDataFileError) return refuseDamaged(dataDir, error);
    throw error;
  }
  await backUp(dataDir, runtime.database, 'start');
  pruneBackups(dataDir, keep);
  if (await seedDemoData(runtime.database, runtime.clock.now())) {
    await seedDemoTerm(runtime);
    console.log('已写入演示数据（三所学校、班级、学生、演示用户，进行中的本学期报名和满意度调查）');
  }
  if (productionLike) runtime.clock.freeze();

  const server = createLocalServer({ runtime, staticDir: resolve(root, 'client/dist/h5'), allowedHosts });
  server.listen(port, host, () => {
    const { port: listening } = server.address() as AddressInfo;
    console.log(`课后 本地服务已启动：http://${host}:${listening}/  （发件箱：/outbox，健康检查：/healthz）`);
    console.log(`数据目录：${displayPath(dataDir)}（自动备份在 backups/，恢复：npm run restore）`);
    if (productionLike) console.log('按真实时间运行：没有调整时钟的开发接口。');
  });

  const daily = setInterval(() => {
    if (!dailyBackupDue(dataDir)) return;
    backUp(dataDir, runtime.database, 'daily')
      .then(() => pruneBackups(dataDir, keep))
      .catch((error) => console.error('每日备份失败：', error));
  }, HOUR_MS);
  daily.unref();
  // Timer triggers (config.json of each function) on the runtime's clock: the message queue, reminders, payment reconciliation.
  runtime.timers.start();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止本地服务…`);
    clearInterval(daily);
    // Requests under way may finish (a few seconds at most); idle connections close now.
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    force.unref();
    server.close(() => {
      runtime
        .close()
        .catch((error) => console.error(error))
        .finally(() => {
          release();
          process.exit(0);
        });
    });
    server.closeIdleConnections();
    setTimeout(() => {
      console.error('停止超时，强制退出');
      release();
      process.exit(1);
    }, 15_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));
}

/** Refuses to start on a damaged data file: keeps a copy aside and explains how to restore. */
function refuseDamaged(dataDir: string, error: CorruptDataFileError): void {
  const asideDir = join(dataDir, 'damaged', chinaStamp(new Date()));
  mkdirSync(asideDir, { recursive: true });
  const aside = join(asideDir, basename(error.file));
  copyFileSync(error.file, aside);
  const shown = displayPath;
  const lines = [
    '',
    `本地服务没有启动：数据文件 ${shown(error.file)} 第 ${error.line} 行已损坏（${error.reason}）。`,
    '为了不丢失数据，服务不会带着损坏的文件启动，也没有改动这个文件。',
    `损坏的文件已另存一份：${shown(aside)}`,
    '',
    '从自动备份恢复（每次启动前和每天自动备份）：',
    '  npm run restore              列出所有备份',
    '  npm run restore -- latest    恢复最新的备份',
    '  npm run restore -- <备份名>  恢复指定的备份',
    '恢复前，当前的数据会整体移到 backups/ 下另存，不会删除。恢复后再运行 npm start。',
  ];
  const backups = listBackups(dataDir)
    .filter((b) => b.reason !== 'before-restore')
    .slice(0, 5);
  lines.push('', backups.length ? '最近的备份：' : '还没有自动备份：可以删除数据目录后重新开始（会重新写入演示数据）。');
  for (const backup of backups) lines.push(`  ${describeBackup(backup)}`);
  console.error(lines.join('\n'));
  process.exitCode = EXIT_DAMAGED_DATA;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
