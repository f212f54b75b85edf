import { relative, resolve } from 'node:path';

/** The data folder `npm start` and `npm run restore` use: `KEHOU_DATA_DIR`, default `.data/` at the repository root. */
export function dataDirFromEnv(): string {
  return resolve(__dirname, '../../..', process.env.KEHOU_DATA_DIR ?? '.data');
}

/** A path as people read it: relative to where they are when that is shorter, else absolute. */
export function displayPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return !shown ? '.' : shown.startsWith('..') ? path : shown;
}
