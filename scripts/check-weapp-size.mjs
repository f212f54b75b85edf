// Fails when any mini-program package (main or a subpackage) exceeds WeChat's 2 MB cap, or the
// whole exceeds 20 MB; prints each package's size. Run after `npm run build:weapp`.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_LIMIT = 2 * 1024 * 1024;
const TOTAL_LIMIT = 20 * 1024 * 1024;

export function measureWeapp(dir) {
  const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const sizes = new Map([['主包', 0], ...roots.map((r) => [r, 0])]);
  for (const file of walk(dir)) {
    const rel = relative(dir, file).split(sep).join('/');
    const owner = roots.find((r) => rel === r || rel.startsWith(r + '/')) ?? '主包';
    sizes.set(owner, sizes.get(owner) + statSync(file).size);
  }
  return { sizes, pages: appJson.pages, subPackages: roots };
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (!name.endsWith('.map') && !name.endsWith('.LICENSE.txt')) yield path;
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = fileURLToPath(new URL('../client/dist/weapp', import.meta.url));
  if (!existsSync(join(dir, 'app.json'))) {
    console.error('没有找到小程序构建输出：请先运行 npm run build:weapp');
    process.exit(1);
  }
  const { sizes } = measureWeapp(dir);
  let total = 0;
  let failed = false;
  for (const [name, size] of sizes) {
    total += size;
    const over = size > PACKAGE_LIMIT;
    failed ||= over;
    console.log(`${over ? 'OVER' : 'ok  '}  ${name.padEnd(12)} ${kb(size).padStart(10)}  (limit 2048.0 KB)`);
  }
  console.log(`total ${kb(total)} (limit ${kb(TOTAL_LIMIT)})`);
  if (failed || total > TOTAL_LIMIT) {
    console.error('小程序包超过微信的体积限制');
    process.exit(1);
  }
}
