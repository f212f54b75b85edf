import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_FILE = 'secret.key';

/**
 * The key the local server signs sessions and file links with: generated at the first start and
 * kept in the data folder (readable by its owner only), so sessions survive a restart; random per
 * runtime without a data folder (tests).
 */
export function loadOrCreateSecret(dataDir?: string): Buffer {
  if (!dataDir) return randomBytes(32);
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length >= 32) return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}
