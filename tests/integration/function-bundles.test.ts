import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_NAMES } from '@kehou/shared';
import { runAs } from '../../local-cloud/src/wx-context';
import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';

const root = join(__dirname, '../..');

/**
 * The folders WeChat DevTools uploads: one bundled index.js with shared code inlined, a
 * package.json whose only runtime dependency is wx-server-sdk, and a config.json. The bundle is
 * loaded here with wx-server-sdk resolved to the local cloud, exactly as WeChat would call it.
 */
describe('cloud function bundles', () => {
  let cloud: TestCloud;
  beforeAll(() => {
    execFileSync('node', [join(root, 'scripts/build-functions.mjs')], { stdio: 'pipe' });
  });
  beforeEach(async () => {
    cloud = await startTestCloud();
  });
  afterEach(() => cloud.close());

  it.each(FUNCTION_NAMES)('%s: a complete folder with wx-server-sdk as the only dependency', (name) => {
    const dir = join(root, 'cloudfunctions', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk']);
    expect(pkg.main).toBe('index.js');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).permissions.openapi).toEqual(expect.any(Array));
    const bundle = readFileSync(join(dir, 'index.js'), 'utf8');
    expect(bundle).toContain('require("wx-server-sdk")');
    expect(bundle).not.toMatch(/require\("(@kehou\/shared|zod|dayjs)/);
    expect(existsSync(join(dir, 'src', 'index.ts'))).toBe(true);
  });

  it('the enrollment bundle answers as the deployed function would', async () => {
    let main: (event: unknown, context: unknown) => Promise<any> = async () => null;
    jest.isolateModules(() => {
      jest.doMock('wx-server-sdk', () => cloud.runtime.cloud, { virtual: true });
      main = require(join(root, 'cloudfunctions/enrollment/index.js')).main;
    });
    const answer = await runAs(DEMO.parent, () => main({ action: 'getHome', data: {} }, {}));
    expect(answer.ok).toBe(true);
    expect(answer.data.children).toHaveLength(2);
  });
});
