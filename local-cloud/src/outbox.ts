import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SubscribeMessage } from '@kehou/shared/cloud';
import { CorruptDataFileError } from './database';

export interface OutboxEntry extends SubscribeMessage {
  sentAt: string;
}

/**
 * Where subscription messages go locally: a JSON-lines file a person can read (and /outbox shows
 * to signed-in people). Like the database, a damaged line stops the start-up instead of vanishing.
 */
export class Outbox {
  private readonly entries: OutboxEntry[] = [];

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!line.trim()) return;
          try {
            this.entries.push(JSON.parse(line));
          } catch {
            throw new CorruptDataFileError(file, i + 1, '不是完整的 JSON');
          }
        });
    }
  }

  send(message: SubscribeMessage): OutboxEntry {
    if (!message.touser || !message.templateId) {
      throw Object.assign(new Error('openapi.subscribeMessage.send:fail invalid touser or templateId'), { errCode: 40003 });
    }
    const entry = { ...message, sentAt: new Date().toISOString() };
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      const fd = openSync(this.file, 'a');
      try {
        writeSync(fd, JSON.stringify(entry) + '\n');
        fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    this.entries.push(entry);
    return entry;
  }

  list(touser?: string): OutboxEntry[] {
    return touser ? this.entries.filter((e) => e.touser === touser) : [...this.entries];
  }
}
