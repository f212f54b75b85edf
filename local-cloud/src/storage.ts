import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const FILE_ID_PREFIX = 'cloud://local.kehou/';
export const FILES_URL_PREFIX = '/files/';

/** Cloud storage on local files: fileIDs look like WeChat's and resolve under one folder. */
export class LocalStorage {
  private readonly memory = new Map<string, Buffer>();

  constructor(private readonly dir?: string) {}

  /** Stores the file (on disk: flushed, then renamed into place, so a crash leaves the old file or the new one). */
  upload(cloudPath: string, content: Buffer): string {
    const path = safePath(cloudPath);
    if (this.dir) {
      const file = join(this.dir, path);
      mkdirSync(dirname(file), { recursive: true });
      const temporary = `${file}.uploading-${process.pid}`;
      const fd = openSync(temporary, 'w');
      try {
        writeSync(fd, content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, file);
    } else {
      this.memory.set(path, Buffer.from(content));
    }
    return FILE_ID_PREFIX + path;
  }

  read(fileID: string): Buffer | null {
    if (!fileID.startsWith(FILE_ID_PREFIX)) return null;
    const path = safePath(fileID.slice(FILE_ID_PREFIX.length));
    if (this.dir) {
      const file = join(this.dir, path);
      return existsSync(file) ? readFileSync(file) : null;
    }
    return this.memory.get(path) ?? null;
  }

  /** The URL path the local server serves an existing file at (a link adds its expiry and signature). */
  urlPathOf(fileID: string): string | null {
    if (!this.read(fileID)) return null;
    return FILES_URL_PREFIX + encodeURI(fileID.slice(FILE_ID_PREFIX.length));
  }

  /** The fileID a `/files/…` URL path names; null when it is not one. */
  fileIdOfUrl(urlPath: string): string | null {
    if (!urlPath.startsWith(FILES_URL_PREFIX)) return null;
    try {
      return FILE_ID_PREFIX + safePath(decodeURI(urlPath.slice(FILES_URL_PREFIX.length)));
    } catch {
      return null;
    }
  }
}

function safePath(cloudPath: string): string {
  const path = normalize(cloudPath)
    .replace(/^(\.\.(\/|\\|$))+/, '')
    .replace(/^\/+/, '');
  if (!path || path.includes('..')) throw new Error(`uploadFile:fail invalid cloudPath ${cloudPath}`);
  return path;
}
