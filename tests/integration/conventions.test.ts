import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FUNCTION_NAMES } from '@kehou/shared';
import { CONTRACTS } from '@kehou/shared/contracts';

const root = join(__dirname, '../..');

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesOf(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The cloud-function conventions every later action follows (see README). */
describe('cloud function conventions', () => {
  const sources = FUNCTION_NAMES.flatMap((name) => sourcesOf(join(root, 'cloudfunctions', name, 'src')));

  it('every action input is a zod schema from shared (no function declares its own)', () => {
    const own = sources.filter((file) => /from 'zod'/.test(readFileSync(file, 'utf8'))).map((f) => relative(root, f));
    expect(own).toEqual([]);
  });

  it('no function imports another function’s folder: what they share lives in shared', () => {
    const crossing = sources
      .filter((file) => /from '(\.\.\/)+(enrollment|agreement|fees|disclosure|feedback)\/src/.test(readFileSync(file, 'utf8')))
      .map((f) => relative(root, f));
    expect(crossing).toEqual([]);
  });

  it('every database write goes with its audit entry (shared/src/cloud/audited.ts): no plain write outside a transaction', () => {
    const serverSources = [...sources, ...['enrollment', 'fees', 'committee', 'bureau'].flatMap((area) => sourcesOf(join(root, `shared/src/${area}/server`)))];
    const plain = /ctx\s*\.collection\([^)]*\)(\s*\.(where|doc)\([^)]*\))*\s*\.(add|update|set|remove)\(/g;
    // Derived documents, recomputed from others (a cache, not a change anyone makes): no audit entry.
    const DERIVED = ["ctx.collection('schoolSummaries')"];
    const offenders = serverSources.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(plain)]
        .filter((m) => !DERIVED.some((d) => m[0].replace(/\s+/g, '').startsWith(d)))
        .map((m) => `${relative(root, file)}: ${m[0].replace(/\s+/g, ' ')}`);
    });
    expect(offenders).toEqual([]);
  });

  it('a handler refuses a caller itself only where its contract names that check (`also`): every other refusal is the router’s', () => {
    const camel = (file: string) => file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const unnamed = FUNCTION_NAMES.flatMap((name) => {
      const dir = join(root, 'cloudfunctions', name, 'src', 'actions');
      if (!existsSync(dir)) return [];
      const actions = ((CONTRACTS as Record<string, { actions: object }>)[name]?.actions ?? {}) as Record<string, { also?: string }>;
      return readdirSync(dir)
        .filter((file) => /forbidden\(/.test(readFileSync(join(dir, file), 'utf8')))
        .filter((file) => !actions[camel(file)]?.also)
        .map((file) => `${name}/${file}`);
    });
    expect(unnamed).toEqual([]);
  });

  it.each(FUNCTION_NAMES)('%s: the WeChat entry only hands the real SDK to the handlers', (name) => {
    const entry = readFileSync(join(root, 'cloudfunctions', name, 'src', 'index.ts'), 'utf8');
    expect(entry).toContain("import cloud from 'wx-server-sdk';");
    expect(entry).toContain(`export const main = wechatMain(cloud, ${name}Function);`);
  });
});
