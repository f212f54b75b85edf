import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../runtime';
import { backUp, dailyBackupDue, listBackups, pruneBackups, restoreBackup } from './backups';
import { loadOrCreateSecret } from './secret';
import { claimDataFolder } from './server-lock';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'kehou-data-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function runtimeWith(names: string[]) {
  const runtime = await createRuntime({ dataDir });
  for (const name of names) await runtime.database.collection('students').add({ data: { _id: name, name } });
  return runtime;
}

describe('backups of the data folder', () => {
  it('a backup holds the database as it was, the files and the outbox; restoring puts it back and keeps what was there aside', async () => {
    const runtime = await runtimeWith(['王小明']);
    runtime.storage.upload('disclosure/s1/方案.pdf', Buffer.from('%PDF-1'));
    await runtime.cloud.openapi.subscribeMessage.send({ touser: 'p1', templateId: 'T', data: {} });
    const backup = await backUp(dataDir, runtime.database, 'start', new Date('2026-12-01T00:00:00Z'));
    expect(backup.name).toBe('2026-12-01_08-00-00_start');
    expect(backup.documents.students).toBe(1);
    await runtime.database.collection('students').add({ data: { _id: '李华', name: '李华' } });
    await runtime.close();

    const { restored, previous } = await restoreBackup(dataDir, 'latest');
    expect(restored.name).toBe(backup.name);
    expect(existsSync(join(previous.dir, 'db', 'students.db'))).toBe(true);
    const back = await createRuntime({ dataDir });
    expect((await back.database.collection('students').get()).data.map((d) => d._id)).toEqual(['王小明']);
    expect(back.storage.read('cloud://local.kehou/disclosure/s1/方案.pdf')?.toString()).toBe('%PDF-1');
    expect(back.outbox.list()).toHaveLength(1);
    await back.close();

    // The restore can itself be undone.
    await restoreBackup(dataDir, previous.name);
    const undone = await createRuntime({ dataDir });
    expect((await undone.database.collection('students').count()).total).toBe(2);
    await undone.close();
  });

  it('keeps the newest N of each kind', async () => {
    const runtime = await runtimeWith([]);
    for (let day = 1; day <= 4; day++) {
      await backUp(dataDir, runtime.database, 'start', new Date(`2026-11-0${day}T00:00:00Z`));
      await backUp(dataDir, runtime.database, 'daily', new Date(`2026-11-0${day}T01:00:00Z`));
    }
    pruneBackups(dataDir, 2);
    expect(listBackups(dataDir).map((b) => b.name)).toEqual([
      '2026-11-04_09-00-00_daily',
      '2026-11-04_08-00-00_start',
      '2026-11-03_09-00-00_daily',
      '2026-11-03_08-00-00_start',
    ]);
    expect(dailyBackupDue(dataDir, new Date('2026-11-04T12:00:00Z'))).toBe(false);
    expect(dailyBackupDue(dataDir, new Date('2026-11-05T01:00:00Z'))).toBe(true);
    await runtime.close();
  });

  it('is refused while a server uses the folder, and a damaged backup is refused before anything moves', async () => {
    const runtime = await runtimeWith(['王小明']);
    const backup = await backUp(dataDir, runtime.database, 'start');
    await runtime.close();
    writeFileSync(join(dataDir, 'server.pid'), `${process.ppid}\n`); // a live process that is not this one
    await expect(restoreBackup(dataDir, backup.name)).rejects.toThrow(/正在使用数据目录/);
    rmSync(join(dataDir, 'server.pid'));
    const file = join(backup.dir, 'db', 'students.db');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, -5));
    await expect(restoreBackup(dataDir, backup.name)).rejects.toThrow(/students\.db 第 \d+ 行已损坏/);
    expect(existsSync(join(dataDir, 'db', 'students.db'))).toBe(true);
    await expect(restoreBackup(dataDir, 'no-such-backup')).rejects.toThrow('没有名为 no-such-backup 的备份');
  });
});

describe('the signing key and the folder lock', () => {
  it('the key is made once, kept in the data folder for its owner only, and read back', () => {
    const key = loadOrCreateSecret(dataDir);
    expect(key).toHaveLength(32);
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecret(dataDir)).toEqual(key);
    expect(loadOrCreateSecret()).not.toEqual(key);
  });

  it('a second server on the same folder is refused', () => {
    const release = claimDataFolder(dataDir);
    writeFileSync(join(dataDir, 'server.pid'), `${process.ppid}\n`);
    expect(() => claimDataFolder(dataDir)).toThrow(/另一个本地服务（进程 \d+）正在使用数据目录/);
    release();
  });
});
