// The mini-program in the tests (run after `npm run build:weapp`): tests/weapp with jest in
// miniprogram-simulate (jsdom + exparser), the cloud functions on the local runtime in-process. No
// browser, no server. Prints how many pages rendered and how many journeys passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'client/dist/weapp/app.json'))) {
  console.error('小程序尚未构建：请先运行 npm run build:weapp');
  process.exit(1);
}
mkdirSync(join(root, '.out'), { recursive: true });
const results = join(root, '.out/weapp-results.json');
const started = Date.now();
const jest = spawnSync(
  join(root, 'node_modules/.bin/jest'),
  ['--ci', '--config', 'jest.weapp.config.js', '--json', '--outputFile', results, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);

if (existsSync(results)) {
  const tests = JSON.parse(readFileSync(results, 'utf8')).testResults.flatMap((file) =>
    file.assertionResults.map((t) => ({ ...t, file: file.name.slice(root.length + 1) })),
  );
  const renders = tests.filter(
    (t) => t.file === 'tests/weapp/pages.test.ts' && t.ancestorTitles[0] === 'every route of app.json' && t.ancestorTitles.length === 2,
  );
  const rendered = renders.filter((t) => t.status === 'passed');
  const routes = new Set(renders.map((t) => t.ancestorTitles[1]));
  const failedRoutes = new Set(renders.filter((t) => t.status !== 'passed').map((t) => t.ancestorTitles[1]));
  const journeys = tests.filter((t) => t.file === 'tests/weapp/journeys.test.ts');
  const passed = journeys.filter((t) => t.status === 'passed');
  console.log(
    `小程序：${routes.size - failedRoutes.size}/${routes.size} 个页面渲染无误（${rendered.length}/${renders.length} 次：未登录与所属角色各一次），` +
      `${passed.length}/${journeys.length} 条旅程通过，共 ${tests.length} 项检查，用时 ${seconds} 秒`,
  );
}
process.exit(jest.status ?? 1);
