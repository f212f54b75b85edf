import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const src = join(__dirname, '../../client/src');
const ROLE_FOLDERS = ['parent', 'teacher', 'school', 'committee', 'bureau', 'public'];

function filesOf(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path, ext) : ext.test(name) ? [path] : [];
  });
}

const roleOf = (file: string) => relative(src, file).split('/')[0];

/** How the client is laid out (issue 9): what several roles use is in client/src/components, and a component's classes carry its name. */
describe('client conventions', () => {
  it('no role’s pages import another role’s folder: shared components live in client/src/components', () => {
    const crossings: string[] = [];
    for (const file of filesOf(src, /\.(tsx?|scss)$/)) {
      const role = roleOf(file);
      if (!ROLE_FOLDERS.includes(role)) continue;
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from |import )'(\.[^']+)'/g)) {
        const target = roleOf(resolve(dirname(file), spec));
        if (ROLE_FOLDERS.includes(target) && target !== role) crossings.push(`${relative(src, file)} → ${spec}`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('every class a component’s stylesheet defines starts with the component’s name', () => {
    const components = join(src, 'components');
    const wrong: string[] = [];
    for (const name of readdirSync(components)) {
      for (const sheet of filesOf(join(components, name), /\.scss$/)) {
        for (const [, cls] of readFileSync(sheet, 'utf8').matchAll(/\.([a-z][a-z0-9-]*)/g)) {
          if (!cls.startsWith(name)) wrong.push(`${name}: .${cls}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(existsSync(join(components, 'application-card', 'index.tsx'))).toBe(true);
  });

  it('dates are shown in China time through @kehou/shared (no UTC slices of an instant, no hand-made offsets)', () => {
    const handMade: string[] = [];
    for (const file of filesOf(src, /\.tsx?$/)) {
      const text = readFileSync(file, 'utf8');
      for (const [found] of text.matchAll(/\b(?:at|At|createdAt|updatedAt|toISOString\(\))\.slice\(0, ?10\)|8 \* 3600_?000/g))
        handMade.push(`${relative(src, file)}: ${found}`);
    }
    expect(handMade).toEqual([]);
  });
});
