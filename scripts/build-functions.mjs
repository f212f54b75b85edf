// Bundles each cloud function into cloudfunctions/<name>/index.js with shared code inlined and
// wx-server-sdk left external, so WeChat DevTools can upload the folder as it is.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const functionsDir = join(root, 'cloudfunctions');
const names = readdirSync(functionsDir).filter((n) => existsSync(join(functionsDir, n, 'src', 'index.ts')));

const sizes = [];
for (const name of names) {
  const outfile = join(functionsDir, name, 'index.js');
  await build({
    entryPoints: [join(functionsDir, name, 'src', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    minify: false,
    logLevel: 'warning',
  });
  sizes.push([name, statSync(outfile).size]);
}
for (const [name, size] of sizes) console.log(`cloudfunctions/${name}/index.js  ${(size / 1024).toFixed(1)} KB`);
