/**
 * `npm run restore`: lists the automatic backups of the data folder.
 * `npm run restore -- <name>` (or `latest`): puts one back; the data there before is moved aside
 * as a backup of its own, so a restore can itself be undone.
 */

import { describeBackup, listBackups, restoreBackup } from './backups';
import { dataDirFromEnv, displayPath } from './data-dir';

async function main() {
  const dataDir = dataDirFromEnv();
  const name = process.argv[2];
  const backups = listBackups(dataDir);
  if (!name) {
    if (!backups.length) return console.log(`数据目录 ${displayPath(dataDir)} 还没有备份（每次启动前和每天会自动备份）。`);
    console.log(`数据目录 ${displayPath(dataDir)} 的备份（最新的在前）：`);
    for (const backup of backups) console.log(`  ${describeBackup(backup)}`);
    console.log('\n恢复其中一个：npm run restore -- <备份名>    恢复最新的：npm run restore -- latest');
    return;
  }
  const { restored, previous } = await restoreBackup(dataDir, name);
  console.log(`已从备份 ${restored.name} 恢复数据。`);
  console.log(`恢复前的数据已移到 ${displayPath(previous.dir)}（想撤销这次恢复：npm run restore -- ${previous.name}）。`);
  console.log('现在可以运行 npm start。');
}

main().catch((error) => {
  console.error(`没有恢复：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
