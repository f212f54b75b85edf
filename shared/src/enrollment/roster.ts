import { normalizePersonName, personNameProblem } from '../domain/names';
import { MOBILE_PATTERN } from './patterns';

/**
 * The school's roster spreadsheet: one row per student and guardian, with a header row naming the
 * columns (any order). A student with two guardians takes two rows with the same student number.
 * Pure: the cloud function reads the .xlsx into rows and hands them here.
 */
export const ROSTER_COLUMNS = {
  className: ['班级', '班级名称'],
  studentName: ['学生姓名', '姓名', '学生'],
  studentNo: ['学号', '学生学号', '学籍号'],
  guardianName: ['家长姓名', '监护人姓名', '监护人', '家长'],
  guardianPhone: ['家长手机', '家长手机号', '家长电话', '监护人手机', '联系电话', '手机号', '手机'],
} as const;
export type RosterField = keyof typeof ROSTER_COLUMNS;

const FIELD_LABELS: Record<RosterField, string> = {
  className: '班级',
  studentName: '学生姓名',
  studentNo: '学号',
  guardianName: '家长姓名',
  guardianPhone: '家长手机',
};

export const MAX_ROSTER_ROWS = 3000;

export interface RosterClass {
  id: string;
  name: string;
}

export interface RosterRow {
  /** The spreadsheet's own row number (the header is row 1). */
  row: number;
  classId: string;
  className: string;
  studentName: string;
  studentNo: string;
  guardianName: string;
  guardianPhone: string;
}

export interface RosterProblem {
  row: number;
  reason: string;
}

export interface ParsedRoster {
  rows: RosterRow[];
  problems: RosterProblem[];
  /** The file as a whole cannot be read (no header, too many rows): nothing is imported. */
  fileError?: string;
}

/** 三年级（2）班 and 三年级(2)班 are the same class; spaces never matter. */
export function normaliseClassName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

function text(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  if (cell instanceof Date) return '';
  return String(cell).trim();
}

function findHeader(sheet: unknown[][]): { index: number; columns: Record<RosterField, number> } | null {
  for (let index = 0; index < Math.min(sheet.length, 5); index++) {
    const cells = (sheet[index] ?? []).map((c) => text(c).replace(/\s+/g, ''));
    const columns = {} as Record<RosterField, number>;
    let found = 0;
    for (const field of Object.keys(ROSTER_COLUMNS) as RosterField[]) {
      const at = cells.findIndex((c) => (ROSTER_COLUMNS[field] as readonly string[]).includes(c));
      if (at >= 0) {
        columns[field] = at;
        found++;
      }
    }
    if (found === Object.keys(ROSTER_COLUMNS).length) return { index, columns };
  }
  return null;
}

/**
 * Takes the rows it can and says, for every other row, its number and why (missing field,
 * unknown class, duplicate student number, bad phone …). Empty rows are skipped silently.
 */
export function parseRoster(sheet: unknown[][], classes: RosterClass[]): ParsedRoster {
  const header = findHeader(sheet);
  if (!header) {
    return {
      rows: [],
      problems: [],
      fileError: `没有找到表头：第一行应包含「${Object.values(FIELD_LABELS).join('」「')}」这几列`,
    };
  }
  const dataRows = sheet.length - header.index - 1;
  if (dataRows > MAX_ROSTER_ROWS) {
    return { rows: [], problems: [], fileError: `一次最多导入 ${MAX_ROSTER_ROWS} 行，请分批导入` };
  }
  const classByName = new Map(classes.map((c) => [normaliseClassName(c.name), c]));
  const firstRowOfStudent = new Map<string, RosterRow>();
  const seenGuardians = new Map<string, number>();
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];

  for (let i = header.index + 1; i < sheet.length; i++) {
    const rowNumber = i + 1;
    const cells = sheet[i] ?? [];
    const value = (field: RosterField) => text(cells[header.columns[field]]);
    const raw = {
      className: value('className'),
      studentName: value('studentName'),
      studentNo: value('studentNo'),
      guardianName: value('guardianName'),
      guardianPhone: value('guardianPhone').replace(/[\s-]/g, ''),
    };
    if (Object.values(raw).every((v) => v === '')) continue;

    const missing = (Object.keys(raw) as RosterField[]).filter((f) => raw[f] === '');
    if (missing.length) {
      problems.push({ row: rowNumber, reason: `缺少${missing.map((f) => FIELD_LABELS[f]).join('、')}` });
      continue;
    }
    const classGroup = classByName.get(normaliseClassName(raw.className));
    if (!classGroup) {
      problems.push({ row: rowNumber, reason: `班级「${raw.className}」不存在，请先在系统中建好班级或核对班级名称` });
      continue;
    }
    if (!/^[0-9A-Za-z-]{1,20}$/.test(raw.studentNo)) {
      problems.push({ row: rowNumber, reason: `学号「${raw.studentNo}」格式不正确（只能是数字、字母，最多 20 位）` });
      continue;
    }
    const nameProblem =
      personNameProblem(raw.studentName, `学生姓名「${raw.studentName}」`) ?? personNameProblem(raw.guardianName, `家长姓名「${raw.guardianName}」`);
    if (nameProblem) {
      problems.push({ row: rowNumber, reason: nameProblem });
      continue;
    }
    raw.studentName = normalizePersonName(raw.studentName);
    raw.guardianName = normalizePersonName(raw.guardianName);
    if (!MOBILE_PATTERN.test(raw.guardianPhone)) {
      problems.push({ row: rowNumber, reason: `家长手机「${raw.guardianPhone}」不是有效的 11 位手机号` });
      continue;
    }
    const first = firstRowOfStudent.get(raw.studentNo);
    if (first && (first.studentName !== raw.studentName || first.classId !== classGroup.id)) {
      problems.push({ row: rowNumber, reason: `学号 ${raw.studentNo} 与第 ${first.row} 行重复，但姓名或班级不同` });
      continue;
    }
    const guardianKey = `${raw.studentNo}:${raw.guardianPhone}`;
    const sameGuardianRow = seenGuardians.get(guardianKey);
    if (sameGuardianRow !== undefined) {
      problems.push({ row: rowNumber, reason: `与第 ${sameGuardianRow} 行重复（同一学生、同一家长手机）` });
      continue;
    }
    const row: RosterRow = {
      row: rowNumber,
      classId: classGroup.id,
      className: classGroup.name,
      studentName: raw.studentName,
      studentNo: raw.studentNo,
      guardianName: raw.guardianName,
      guardianPhone: raw.guardianPhone,
    };
    if (!first) firstRowOfStudent.set(raw.studentNo, row);
    seenGuardians.set(guardianKey, rowNumber);
    rows.push(row);
  }
  return { rows, problems };
}
