import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** The built mini-program (`npm run build:weapp`): client/dist/weapp. */
export const WEAPP_DIR = join(__dirname, '../../../client/dist/weapp');

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  window?: Record<string, unknown>;
  lazyCodeLoading?: string;
}

/** What the weapp build is: its app.json, its packages, its compiled templates. Read once per test file. */
export class WeappBundle {
  readonly appJson: AppJson;
  /** Subpackage roots, without a trailing slash. */
  readonly roots: string[];
  private gwx: ((path: string) => unknown) | null = null;

  constructor(readonly dir = WEAPP_DIR) {
    if (!existsSync(join(dir, 'app.json'))) throw new Error('没有找到小程序构建输出：请先运行 npm run build:weapp');
    this.appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;
    this.roots = (this.appJson.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  }

  /** Every route app.json declares, main package first. */
  get routes(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root.replace(/\/$/, '')}/${page}`))];
  }

  hasRoute(route: string): boolean {
    return this.routes.includes(route.replace(/^\//, ''));
  }

  /** '主包' or the subpackage root a file (path relative to the bundle) belongs to. */
  packageOf(file: string): string {
    const rel = file.replace(/^\//, '');
    return this.roots.find((root) => rel === root || rel.startsWith(`${root}/`)) ?? '主包';
  }

  readJson<T = Record<string, unknown>>(file: string): T {
    return JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as T;
  }

  readJs(file: string): string {
    return readFileSync(join(this.dir, file), 'utf8');
  }

  /** A bundle-relative path (no extension) resolved from a file and a relative or absolute specifier. */
  resolve(fromFile: string, specifier: string): string {
    const base = specifier.startsWith('/') ? specifier.slice(1) : join(dirname(fromFile), specifier);
    const path = normalize(base).replace(/\\/g, '/').replace(/\.js$/, '');
    if (path.startsWith('..')) throw new Error(`${fromFile} 引用了小程序目录之外的文件 ${specifier}`);
    return path;
  }

  /** The page's or component's template, compiled by WeChat's own wxml compiler (wcc). */
  template(path: string): unknown {
    if (!this.gwx) {
      // wcc compiles the whole folder at once into one generator of every template.
      (window as unknown as { __webview_engine_version__: number }).__webview_engine_version__ = 0.02;
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      const compiler = require('miniprogram-compiler') as { wxmlToJs: (dir: string) => string };
      this.gwx = new Function(compiler.wxmlToJs(this.dir))() as (path: string) => unknown;
    }
    return this.gwx(`${path}.wxml`);
  }

  relative(file: string): string {
    return relative(this.dir, file).replace(/\\/g, '/');
  }
}
