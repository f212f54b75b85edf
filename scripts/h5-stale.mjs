import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** True when the H5 build is missing or older than any client or shared source file. */
export function h5IsStale(root) {
  const built = join(root, 'client', 'dist', 'h5', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return [join(root, 'client', 'src'), join(root, 'client', 'config'), join(root, 'shared', 'src')].some((dir) => newerThan(dir, builtAt));
}

function newerThan(dir, time) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory() ? newerThan(path, time) : stat.mtimeMs > time) return true;
  }
  return false;
}
