export { backUp, dailyBackupDue, listBackups, pruneBackups, restoreBackup, chinaStamp, describeBackup, DEFAULT_KEEP, type BackupInfo } from './backups';
export { claimDataFolder, serverUsing } from './server-lock';
export { loadOrCreateSecret } from './secret';
export { dataDirFromEnv, displayPath } from './data-dir';
