// Checks the weapp build (run after `npm run build:weapp`): every page and subpackage page that
// app.json lists is there (js, json, wxml); WeChat's own template and style compilers (wcc, wcsc,
// shipped in miniprogram-compiler, used by miniprogram-simulate) accept every wxml and wxss; and
// no package exceeds WeChat's 2 MB cap (nor the whole 20 MB). Prints each package's size.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** Every page app.json names, in the main package and each subpackage, with its js, json and wxml. */
export function checkComplete(dir) {
  const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
  const pages = [
    ...appJson.pages,
    ...(appJson.subPackages ?? appJson.subpackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`)),
  ];
  const problems = [];
  for (const file of ['app.js', 'app.json', 'app.wxss']) if (!existsSync(join(dir, file))) problems.push(`缺少 ${file}`);
  for (const page of pages) {
    for (const ext of ['js', 'json', 'wxml']) {
      if (!existsSync(join(dir, `${page}.${ext}`))) problems.push(`页面 ${page} 缺少 .${ext}`);
    }
  }
  console.log(`${problems.length ? 'FAIL' : 'ok  '}  ${pages.length} 个页面齐全（主包 ${appJson.pages.length} 个）`);
  return problems;
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
  const problems = checkComplete(dir);
  const compiler = createRequire(import.meta.url)('miniprogram-compiler');
  try {
    compiler.wxmlToJs(dir);
    compiler.wxssToJs(dir);
    console.log('ok    WeChat 编译器（wcc / wcsc）接受全部 wxml 与 wxss');
  } catch (error) {
    problems.push(`WeChat 编译器报错：${error.message}`);
  }
  for (const problem of problems) console.error(`FAIL  ${problem}`);
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
  if (failed || total > TOTAL_LIMIT) console.error('小程序包超过微信的体积限制');
  if (failed || total > TOTAL_LIMIT || problems.length) process.exit(1);
}
