/**
 * Automatic backups of the data folder: before every start and once a day, into
 * `<data>/backups/<China time>_<reason>/` (the database as a consistent copy between two writes,
 * the stored files and the outbox), the newest `keep` of each kind kept. `restoreBackup` puts one
 * back, after moving the current data aside (itself a backup, so a restore can be undone).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeCollection } from '../database/datafile';
import { serverUsing } from './server-lock';

export type BackupReason = 'start' | 'daily' | 'before-restore';

export interface BackupInfo {
  name: string;
  dir: string;
  reason: BackupReason;
  createdAt: Date;
  /** Documents per collection, as written. */
  documents: Record<string, number>;
}

/** What a backup holds (relative to the data folder). */
const CONTENTS = ['db', 'storage', 'outbox.jsonl'] as const;
const MANIFEST = 'backup.json';
const DAY_MS = 86_400_000;
export const DEFAULT_KEEP = 10;

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/** `2026-12-02_08-47-12`: China time, safe in a file name. */
export function chinaStamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '-');
}

export interface BackupSource {
  /** Writes a consistent copy of every collection into `dir`. */
  backupTo(dir: string): Promise<void>;
}

export async function backUp(dataDir: string, database: BackupSource, reason: BackupReason, now = new Date()): Promise<BackupInfo> {
  const dir = await freshDir(dataDir, `${chinaStamp(now)}_${reason}`);
  await database.backupTo(join(dir, 'db'));
  for (const item of ['storage', 'outbox.jsonl'] as const) {
    if (existsSync(join(dataDir, item))) await cp(join(dataDir, item), join(dir, item), { recursive: true });
  }
  const documents = countDocuments(join(dir, 'db'));
  await writeFile(join(dir, MANIFEST), JSON.stringify({ reason, createdAt: now.toISOString(), documents }, null, 2));
  return { name: dir.slice(backupsDir(dataDir).length + 1), dir, reason, createdAt: now, documents };
}

async function freshDir(dataDir: string, base: string): Promise<string> {
  await mkdir(backupsDir(dataDir), { recursive: true });
  let name = base;
  for (let n = 2; existsSync(join(backupsDir(dataDir), name)); n++) name = `${base}-${n}`;
  const dir = join(backupsDir(dataDir), name);
  await mkdir(dir);
  return dir;
}

function countDocuments(dbDir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  if (!existsSync(dbDir)) return counts;
  for (const file of readdirSync(dbDir)
    .filter((f) => f.endsWith('.db'))
    .sort()) {
    const path = join(dbDir, file);
    counts[file.slice(0, -3)] = decodeCollection(readFileSync(path, 'utf8'), path).docs.length;
  }
  return counts;
}

/** Every backup, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const root = backupsDir(dataDir);
  if (!existsSync(root)) return [];
  const backups: BackupInfo[] = [];
  for (const name of readdirSync(root)) {
    const manifest = join(root, name, MANIFEST);
    if (!existsSync(manifest)) continue; // unfinished
    try {
      const { reason, createdAt, documents } = JSON.parse(readFileSync(manifest, 'utf8'));
      backups.push({ name, dir: join(root, name), reason, createdAt: new Date(createdAt), documents: documents ?? {} });
    } catch {
      // an unreadable manifest: not offered for restore
    }
  }
  return backups.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.name.localeCompare(a.name));
}

/** Removes all but the newest `keep` backups of each kind, and any backup left unfinished. */
export function pruneBackups(dataDir: string, keep = DEFAULT_KEEP): void {
  const root = backupsDir(dataDir);
  if (!existsSync(root)) return;
  const kept = new Set<string>();
  const byReason = new Map<BackupReason, BackupInfo[]>();
  for (const backup of listBackups(dataDir)) byReason.set(backup.reason, [...(byReason.get(backup.reason) ?? []), backup]);
  for (const backups of byReason.values()) for (const backup of backups.slice(0, keep)) kept.add(backup.name);
  for (const name of readdirSync(root)) {
    const old = Date.now() - statSync(join(root, name)).mtimeMs > 3600_000;
    if (!kept.has(name) && (existsSync(join(root, name, MANIFEST)) || old)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

export function dailyBackupDue(dataDir: string, now = new Date()): boolean {
  const last = listBackups(dataDir).find((b) => b.reason === 'daily');
  return !last || now.getTime() - last.createdAt.getTime() >= DAY_MS;
}

export interface RestoreOutcome {
  restored: BackupInfo;
  /** Where the data that was there before went (a backup of its own). */
  previous: BackupInfo;
}

/**
 * Puts the backup `name` (or the newest start or daily one for `latest`) back into the data
 * folder. Refused while a server uses the folder; the backup is read in full first, so a damaged
 * backup is refused before anything moves.
 */
export async function restoreBackup(dataDir: string, name: string, now = new Date()): Promise<RestoreOutcome> {
  const pid = serverUsing(dataDir);
  if (pid) throw new Error(`本地服务（进程 ${pid}）正在使用数据目录 ${dataDir}：请先停止它（Ctrl+C），再恢复`);
  const backups = listBackups(dataDir);
  const restored = name === 'latest' ? backups.find((b) => b.reason !== 'before-restore') : backups.find((b) => b.name === name);
  if (!restored) throw new Error(name === 'latest' ? '还没有自动备份' : `没有名为 ${name} 的备份`);
  countDocuments(join(restored.dir, 'db')); // throws CorruptDataFileError for a damaged backup

  const asideDir = await freshDir(dataDir, `${chinaStamp(now)}_before-restore`);
  for (const item of CONTENTS) if (existsSync(join(dataDir, item))) renameSync(join(dataDir, item), join(asideDir, item));
  const previous: BackupInfo = {
    name: asideDir.slice(backupsDir(dataDir).length + 1),
    dir: asideDir,
    reason: 'before-restore',
    createdAt: now,
    documents: {},
  };
  await writeFile(join(asideDir, MANIFEST), JSON.stringify({ reason: previous.reason, createdAt: now.toISOString(), documents: {} }, null, 2));
  for (const item of CONTENTS) {
    if (existsSync(join(restored.dir, item))) await cp(join(restored.dir, item), join(dataDir, item), { recursive: true, force: true });
  }
  return { restored, previous };
}

const REASON_TEXT: Record<BackupReason, string> = { start: '启动前备份', daily: '每日备份', 'before-restore': '恢复前的数据' };

/** One line per backup for people: its name (what `npm run restore -- <name>` takes), kind and size. */
export function describeBackup(backup: BackupInfo): string {
  const documents = Object.values(backup.documents).reduce((sum, n) => sum + n, 0);
  return `${backup.name.padEnd(36)} ${REASON_TEXT[backup.reason]}${backup.reason === 'before-restore' ? '' : `，${documents} 条记录`}`;
}
