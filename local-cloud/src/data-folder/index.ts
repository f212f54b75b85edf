export { type BackupInfo, backUp, chinaStamp, DEFAULT_KEEP, dailyBackupDue, describeBackup, listBackups, pruneBackups, restoreBackup } from './backups';
export { dataDirFromEnv, displayPath } from './data-dir';
export { loadOrCreateSecret } from './secret';
export { claimDataFolder, serverUsing } from './server-lock';
