#!/usr/bin/env bash
# `npm test`: every check, on a fresh clone. Order: cheap and fast first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/jest ] || npm ci --no-audit --no-fund
mkdir -p .out

# Each stage says how long the one before it took (the whole run must stay well under CI's limit).
stage() { echo "   (${SECONDS} s so far)"; echo "== $1"; }

# Builds print pages of progress: keep it in .out/, show the tail only when the build fails.
quiet() {
  local log=".out/$(echo "$*" | tr -c 'a-z0-9' '-').log"
  "$@" >"$log" 2>&1 || { tail -n 60 "$log"; return 1; }
}

stage "类型检查"
npx tsc -p tsconfig.json --noEmit
npx tsc -p client/tsconfig.json --noEmit

stage "代码检查与格式（biome check：lint、格式、import 顺序）"
npx biome check --diagnostic-level=error .

stage "云函数打包"
npm run -s build:functions

stage "单元、契约与集成测试"
# One worker per core (jest leaves one core idle by default, half the machine on a 2-core runner).
npx jest --ci --maxWorkers=100%

stage "政策示例（conformance）"
npm run -s conformance -- ../shared/conformance/examples shared/src/policy/conformance/scenarios

stage "小程序构建与包体积"
quiet npm run -s build:weapp
npm run -s check:weapp

stage "小程序里的页面与旅程（miniprogram-simulate + 本地云）"
node scripts/run-weapp.mjs

stage "浏览器测试（H5 + 本地云）"
bash scripts/ensure-chromium.sh
quiet npm run -s build:h5
node scripts/run-e2e.mjs
echo "   (all done in ${SECONDS} s)"
