import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

/**
 * `shared` is one package with client-safe entries (`@kehou/shared`, `/policy`, `/contracts`,
 * `/<area>`, `/fees/views`…) and server-only ones: the cloud-function kit (`/cloud`) and the
 * areas' server helpers (`/enrollment/server`, `/fees/server`). The client build must never reach
 * the server-only code: this bundles every page the way the client build does (type-only imports
 * erased) and fails on any server file among its inputs.
 */
const root = join(__dirname, '../..');
const SERVER_ONLY = ['shared/src/cloud/', 'shared/src/enrollment/server/', 'shared/src/fees/server/'];

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name === 'index.tsx' || name === 'app.tsx' ? [path] : [];
  });
}

it('no page of the client reaches server-only code of shared', async () => {
  const entries = pages(join(root, 'client/src'));
  expect(entries.length).toBeGreaterThan(30);
  const result = await build({
    entryPoints: entries,
    bundle: true,
    write: false,
    metafile: true,
    outdir: join(root, '.out/client-boundary'),
    platform: 'neutral',
    format: 'esm',
    jsx: 'automatic',
    logLevel: 'silent',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    external: ['@tarojs/*', 'react', 'react-dom', 'react/*', '@nutui/*', '*.css', '*.scss', 'dayjs', 'dayjs/*', 'zod'],
    define: { 'process.env.TARO_ENV': '"h5"' },
  });
  const reached = Object.keys(result.metafile!.inputs).map((p) => relative(root, join(root, p)));
  const server = reached.filter((p) => SERVER_ONLY.some((dir) => p.startsWith(dir)));
  expect(reached.some((p) => p.startsWith('shared/src/'))).toBe(true);
  expect(server).toEqual([]);
});
