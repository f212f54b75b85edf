import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

const FILE_ID_PREFIX = 'cloud://local.kehou/';

/** Cloud storage on local files: fileIDs look like WeChat's and resolve under one folder. */
export class LocalStorage {
  private readonly memory = new Map<string, Buffer>();

  constructor(private readonly dir?: string) {}

  upload(cloudPath: string, content: Buffer): string {
    const path = safePath(cloudPath);
    if (this.dir) {
      const file = join(this.dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
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

  /** The URL the local server serves the file at. */
  tempUrl(fileID: string): string | null {
    if (!this.read(fileID)) return null;
    return '/files/' + encodeURI(fileID.slice(FILE_ID_PREFIX.length));
  }

  pathOfUrl(urlPath: string): string | null {
    return FILE_ID_PREFIX + safePath(decodeURI(urlPath));
  }
}

function safePath(cloudPath: string): string {
  const path = normalize(cloudPath).replace(/^(\.\.(\/|\\|$))+/, '').replace(/^\/+/, '');
  if (!path || path.includes('..')) throw new Error(`uploadFile:fail invalid cloudPath ${cloudPath}`);
  return path;
}
