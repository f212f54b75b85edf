#!/usr/bin/env bash
# `npm test`: every check, on a fresh clone. Order: cheap and fast first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/jest ] || npm ci --no-audit --no-fund

echo "== 类型检查"
npx tsc -p tsconfig.json --noEmit
npx tsc -p client/tsconfig.json --noEmit

echo "== 云函数打包"
npm run -s build:functions

echo "== 单元、契约与集成测试"
npx jest --ci

echo "== 政策示例（conformance）"
npm run -s conformance -- ../shared/conformance/examples shared/src/policy/conformance/scenarios

echo "== 小程序构建与包体积"
npm run -s build:weapp >/dev/null
npm run -s check:weapp

echo "== 浏览器测试（H5 + 本地云）"
bash scripts/ensure-chromium.sh
npm run -s build:h5 >/dev/null
node scripts/run-e2e.mjs
