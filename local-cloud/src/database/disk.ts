/**
 * The file operations the database's persistence makes, behind one seam so that tests can put a
 * disk that fails (full, or cut off mid-write as by a crash) under a real database.
 */
import { mkdir, open, readdir, readFile, rename, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface Disk {
  /** The file's text, or null when it does not exist. */
  read(file: string): Promise<string | null>;
  /** File names in `dir` (created when missing). */
  list(dir: string): Promise<string[]>;
  /** Size in bytes; 0 for a missing file. */
  size(file: string): Promise<number>;
  /** Appends `text` and flushes it to the device before resolving. */
  append(file: string, text: string): Promise<void>;
  /** Cuts the file back to `length` bytes (undoes an append that failed half-way). */
  truncate(file: string, length: number): Promise<void>;
  /** Replaces the file as one unit: a flushed temporary file renamed over it, then the folder flushed. */
  replace(file: string, text: string): Promise<void>;
}

async function flushFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeDisk: Disk = {
  async read(file) {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async list(dir) {
    await mkdir(dir, { recursive: true });
    return readdir(dir);
  },
  async size(file) {
    try {
      return (await stat(file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  },
  async append(file, text) {
    const handle = await open(file, 'a');
    try {
      await handle.write(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  },
  async truncate(file, length) {
    await truncate(file, length);
    const handle = await open(file, 'r+');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  },
  async replace(file, text) {
    const temporary = `${file}.tmp-${process.pid}`;
    const handle = await open(temporary, 'w');
    try {
      await handle.write(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    await flushFolder(dirname(file));
  },
};
