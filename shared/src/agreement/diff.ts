/**
 * What changed between the agreement a parent signed and the one they are asked to sign now,
 * section by section, computed from the two texts (the signed text is kept with the signature).
 */

export interface TextSection {
  heading: string;
  lines: string[];
}

/** One line changed in place: the words taken out and put in, with a little unchanged text around them. */
export interface LineEdit {
  before: string;
  removed: string;
  added: string;
  after: string;
}

export interface SectionChange {
  heading: string;
  change: 'added' | 'removed' | 'changed';
  /** Lines changed in place (a changed section whose lines pair up one for one). */
  edits: LineEdit[];
  /** Otherwise the lines no longer in the section, and the lines new in it (at most MAX_LINES each, each clipped). */
  removed: string[];
  added: string[];
  /** Changed lines left out to keep the answer small. */
  more: number;
}

/** The part before the first numbered section: the parties and the child. */
export const PREAMBLE_HEADING = '协议双方';
const MAX_LINES = 3;
const MAX_LINE_CHARS = 120;
const CONTEXT_CHARS = 24;
const HEADING = /^(?:十[一二三四五六七八九]?|[一二三四五六七八九])、(.+)$/;

/**
 * The sections of a rendered agreement (shared/src/agreement/render.ts): a heading is a numbered
 * line after a blank line; the title and version lines are left out (the version always differs).
 */
export function splitSections(text: string): TextSection[] {
  const lines = text.split('\n').slice(2);
  const sections: TextSection[] = [{ heading: PREAMBLE_HEADING, lines: [] }];
  lines.forEach((line, i) => {
    const heading = lines[i - 1] === '' ? HEADING.exec(line) : null;
    if (heading) sections.push({ heading: heading[1], lines: [] });
    else if (line !== '') sections[sections.length - 1].lines.push(line);
  });
  return sections;
}

/** Lines of `before` not kept in `after`, and lines of `after` not in `before` (longest common subsequence). */
function lineDiff(before: string[], after: string[]): { removed: string[]; added: string[] } {
  const n = before.length;
  const m = after.length;
  const common: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || common[i][j + 1] >= common[i + 1][j])) added.push(after[j++]);
    else removed.push(before[i++]);
  }
  return { removed, added };
}

const clip = (line: string) => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line);

/** The part of a line that changed, between the longest common start and end, with some context each side. */
export function lineEdit(before: string, after: string): LineEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const lead = before.slice(0, start);
  const tail = before.slice(before.length - end);
  return {
    before: lead.length > CONTEXT_CHARS ? `…${lead.slice(-CONTEXT_CHARS)}` : lead,
    removed: clip(before.slice(start, before.length - end)),
    added: clip(after.slice(start, after.length - end)),
    after: tail.length > CONTEXT_CHARS ? `${tail.slice(0, CONTEXT_CHARS)}…` : tail,
  };
}

function bounded(heading: string, change: SectionChange['change'], removed: string[], added: string[]): SectionChange {
  if (change === 'changed' && removed.length === added.length && removed.length <= MAX_LINES) {
    return { heading, change, edits: removed.map((line, i) => lineEdit(line, added[i])), removed: [], added: [], more: 0 };
  }
  return {
    heading,
    change,
    edits: [],
    removed: removed.slice(0, MAX_LINES).map(clip),
    added: added.slice(0, MAX_LINES).map(clip),
    more: Math.max(0, removed.length - MAX_LINES) + Math.max(0, added.length - MAX_LINES),
  };
}

/** The sections that differ, in the new text's order, then the sections the new text no longer has. */
export function diffAgreements(signedText: string, newText: string): SectionChange[] {
  const before = splitSections(signedText);
  const after = splitSections(newText);
  const changes: SectionChange[] = [];
  for (const section of after) {
    const old = before.find((s) => s.heading === section.heading);
    if (!old) {
      changes.push(bounded(section.heading, 'added', [], section.lines));
      continue;
    }
    const { removed, added } = lineDiff(old.lines, section.lines);
    if (removed.length || added.length) changes.push(bounded(section.heading, 'changed', removed, added));
  }
  for (const old of before) {
    if (!after.some((s) => s.heading === old.heading)) changes.push(bounded(old.heading, 'removed', old.lines, []));
  }
  return changes;
}
