/**
 * The database folder on disk: one `<collection>.db` file per collection and `journal.log` (see
 * datafile.ts for both formats).
 *
 * A commit is one journal line, appended and flushed to the device before the write is
 * acknowledged; if the append fails (disk full) the journal is cut back to where it was and the
 * write fails, so what is on disk and what is in memory never differ. Compaction rewrites each
 * collection file as a whole (a flushed temporary file renamed over it) and only then empties the
 * journal: replaying a journal over files that already hold its commits gives the same documents,
 * so a crash at any point of it loses nothing.
 */
import { join } from 'node:path';
import {
  type CollectionContents,
  CorruptDataFileError,
  decodeCollection,
  decodeJournal,
  encodeCollection,
  encodeJournalLine,
  type JournalRecord,
} from './datafile';
import type { Disk } from './disk';
import { faults } from './errors';
import type { DocId, StoredDocument } from './types';

const DATAFILE = /^([A-Za-z0-9_-]{1,128})\.db$/;
const JOURNAL = 'journal.log';
/** Past this size the journal is folded into the collection files. */
const COMPACT_AFTER_BYTES = 8 * 1024 * 1024;

export class Persistence {
  private journalBytes = 0;
  /** Set when a failed append could not be undone: nothing more is written until a restart. */
  private broken: string | null = null;

  constructor(
    private readonly dir: string,
    private readonly disk: Disk,
  ) {}

  private fileOf(collection: string): string {
    return join(this.dir, `${collection}.db`);
  }

  private get journalFile(): string {
    return join(this.dir, JOURNAL);
  }

  /** Every collection's documents: the files, with the journal's commits replayed over them. */
  async load(): Promise<Map<string, CollectionContents>> {
    const collections = new Map<string, CollectionContents>();
    for (const name of (await this.disk.list(this.dir)).sort()) {
      const match = DATAFILE.exec(name);
      if (!match) continue;
      const file = join(this.dir, name);
      collections.set(match[1], decodeCollection((await this.disk.read(file)) ?? '', file));
    }
    const journal = decodeJournal((await this.disk.read(this.journalFile)) ?? '', this.journalFile);
    if (journal.tornTail !== null) {
      const aside = `${this.journalFile}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await this.disk.replace(aside, journal.tornTail);
      console.warn(`数据库日志 ${this.journalFile} 的最后一次提交没有写完（写入时进程中断），这次提交从未确认过，已舍弃；原始内容另存为 ${aside}`);
    }
    replay(collections, journal.records);
    if (journal.records.length > 0 || journal.tornTail !== null) await this.compact(collections);
    return collections;
  }

  async createCollection(name: string, contents: CollectionContents): Promise<void> {
    this.assertWritable();
    await this.disk.replace(this.fileOf(name), encodeCollection(contents));
  }

  /** Rewrites one collection's file (e.g. after a new index). */
  async writeCollection(name: string, contents: CollectionContents): Promise<void> {
    this.assertWritable();
    await this.disk.replace(this.fileOf(name), encodeCollection(contents));
  }

  /** Appends one commit to the journal, flushed before resolving; all of it or (on failure) none. */
  async commit(record: JournalRecord): Promise<void> {
    this.assertWritable();
    const line = encodeJournalLine(record);
    try {
      await this.disk.append(this.journalFile, line);
    } catch (error) {
      try {
        await this.disk.truncate(this.journalFile, this.journalBytes);
      } catch {
        this.broken = `写入失败后无法恢复日志文件 ${this.journalFile}`;
      }
      throw faults.requestFailed(`[DiskWriteFailed] 本地数据库写入磁盘失败，这次修改没有保存 (${error instanceof Error ? error.message : String(error)})`);
    }
    this.journalBytes += Buffer.byteLength(line);
  }

  get shouldCompact(): boolean {
    return this.journalBytes > COMPACT_AFTER_BYTES;
  }

  /** Rewrites every collection file from `collections`, then empties the journal. */
  async compact(collections: ReadonlyMap<string, CollectionContents>): Promise<void> {
    this.assertWritable();
    for (const [name, contents] of collections) await this.disk.replace(this.fileOf(name), encodeCollection(contents));
    await this.disk.replace(this.journalFile, '');
    this.journalBytes = 0;
  }

  /** Writes every collection file of `collections` into another folder (a backup). */
  async exportTo(dir: string, collections: ReadonlyMap<string, CollectionContents>): Promise<void> {
    await this.disk.list(dir);
    for (const [name, contents] of collections) await this.disk.replace(join(dir, `${name}.db`), encodeCollection(contents));
  }

  private assertWritable(): void {
    if (this.broken) throw faults.requestFailed(`[DiskWriteFailed] ${this.broken}；请检查磁盘后重新启动本地服务`);
  }
}

/** Replays the journal's commits, in order, over the collections read from their files. */
function replay(collections: Map<string, CollectionContents>, records: readonly JournalRecord[]): void {
  const byCollection = new Map<string, Map<DocId, StoredDocument>>();
  for (const record of records) {
    for (const { collection, id, doc } of record.writes) {
      let docs = byCollection.get(collection);
      if (!docs) {
        const contents = collections.get(collection) ?? { docs: [], indexes: [] };
        collections.set(collection, contents);
        docs = new Map(contents.docs.map((d) => [d._id, d]));
        byCollection.set(collection, docs);
      }
      if (doc) docs.set(id, doc);
      else docs.delete(id);
    }
  }
  for (const [collection, docs] of byCollection) collections.get(collection)!.docs = [...docs.values()];
}

export { CorruptDataFileError };
