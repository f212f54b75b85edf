/**
 * What the database writes to disk, and reading it back strictly.
 *
 * - `<collection>.db`: the collection's documents, one JSON line each (Dates as `{"$$date": ms}`,
 *   nedb's line format), after a header line that counts them and carries a sha256 of the rest, so
 *   a truncated or edited file is noticed. Files written by nedb (no header, later lines winning,
 *   `$$deleted` and `$$indexCreated` lines) still load.
 * - `journal.log`: every commit since the last compaction, one line per commit
 *   (`<sha256 prefix> <json>`), so a transaction's documents reach the disk as one unit.
 *
 * Nothing is ever skipped: a line that does not parse stops the loading with a
 * {@link CorruptDataFileError} naming the file and the line. The one exception is the journal's
 * last line when it is cut short: that commit never finished writing, so it was never acknowledged.
 */
import { createHash } from 'node:crypto';
import type { IndexOptions } from './store';
import type { DocId, StoredDocument } from './types';

const FORMAT = 1;

export class CorruptDataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`数据文件 ${file} 第 ${line} 行已损坏（${reason}）`);
    this.name = 'CorruptDataFileError';
  }
}

export function encodeValue(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, item) {
    const original = this[key];
    return original instanceof Date ? { $$date: original.getTime() } : item;
  });
}

export function decodeValue(text: string): unknown {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$$date' && typeof value.$$date === 'number') return new Date(value.$$date);
    }
    return value;
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// ───────────── collection files ─────────────

export interface CollectionContents {
  docs: StoredDocument[];
  indexes: IndexOptions[];
}

export function encodeCollection({ docs, indexes }: CollectionContents): string {
  const body = indexes.map((index) => `${encodeValue({ $$indexCreated: index })}\n`).join('') + docs.map((doc) => `${encodeValue(doc)}\n`).join('');
  return `${encodeValue({ $$kehou: { format: FORMAT, docs: docs.length, sha256: sha256(body) } })}\n${body}`;
}

function isDocId(value: unknown): value is DocId {
  return typeof value === 'string' || typeof value === 'number';
}

export function decodeCollection(text: string, file: string): CollectionContents {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const byId = new Map<DocId, StoredDocument>();
  const indexes = new Map<string, IndexOptions>();
  let header: { docs: number; sha256: string } | null = null;
  let bodyStart = 0;
  lines.forEach((line, i) => {
    const number = i + 1;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = decodeValue(line);
    } catch {
      throw new CorruptDataFileError(file, number, '不是完整的 JSON');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CorruptDataFileError(file, number, '不是一条记录');
    const record = value as Record<string, unknown>;
    if (i === 0 && isHeader(record.$$kehou)) {
      header = record.$$kehou;
      bodyStart = line.length + 1;
      return;
    }
    if (record.$$indexCreated) {
      const index = record.$$indexCreated as IndexOptions;
      indexes.set(String(index.fieldName), index);
    } else if (record.$$indexRemoved !== undefined) {
      indexes.delete(String(record.$$indexRemoved));
    } else if (record.$$deleted === true && isDocId(record._id)) {
      byId.delete(record._id);
    } else if (isDocId(record._id)) {
      byId.set(record._id, record as StoredDocument);
    } else {
      throw new CorruptDataFileError(file, number, '记录缺少 _id');
    }
  });
  const found = header as { docs: number; sha256: string } | null;
  if (found) {
    if (sha256(text.slice(bodyStart)) !== found.sha256 || byId.size !== found.docs) {
      throw new CorruptDataFileError(file, Math.max(lines.length, 1), `文件不完整：应有 ${found.docs} 条记录，读到 ${byId.size} 条，或内容被改动过`);
    }
  }
  return { docs: [...byId.values()], indexes: [...indexes.values()] };
}

function isHeader(value: unknown): value is { docs: number; sha256: string } {
  const header = value as { format?: unknown; docs?: unknown; sha256?: unknown } | undefined;
  return !!header && header.format === FORMAT && typeof header.docs === 'number' && typeof header.sha256 === 'string';
}

// ───────────── the journal ─────────────

/** One commit: the documents as it left them (null: removed). */
export interface JournalRecord {
  writes: { collection: string; id: DocId; doc: StoredDocument | null }[];
}

export function encodeJournalLine(record: JournalRecord): string {
  const json = encodeValue(record);
  return `${sha256(json).slice(0, 16)} ${json}\n`;
}

export interface JournalContents {
  records: JournalRecord[];
  /** The bytes of a last line cut short (a commit that never finished), if any. */
  tornTail: string | null;
}

export function decodeJournal(text: string, file: string): JournalContents {
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const records: JournalRecord[] = [];
  lines.forEach((line, i) => {
    if (line === '') return;
    const record = parseJournalLine(line);
    if (!record) throw new CorruptDataFileError(file, i + 1, '提交记录的校验和不符');
    records.push(record);
  });
  // A line is written in one append ending with its newline: no newline means the write was cut off.
  return { records, tornTail: last === '' ? null : last };
}

function parseJournalLine(line: string): JournalRecord | null {
  const space = line.indexOf(' ');
  if (space !== 16) return null;
  const json = line.slice(space + 1);
  if (sha256(json).slice(0, 16) !== line.slice(0, space)) return null;
  try {
    const record = decodeValue(json) as JournalRecord;
    return Array.isArray(record.writes) ? record : null;
  } catch {
    return null;
  }
}
