import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SubscribeMessage } from '@kehou/shared/cloud';

export interface OutboxEntry extends SubscribeMessage {
  sentAt: string;
}

/** Where subscription messages go locally: a JSON-lines file a person can read (and /outbox shows). */
export class Outbox {
  private readonly entries: OutboxEntry[] = [];

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) this.entries.push(JSON.parse(line));
    }
  }

  send(message: SubscribeMessage): OutboxEntry {
    if (!message.touser || !message.templateId) {
      throw Object.assign(new Error('openapi.subscribeMessage.send:fail invalid touser or templateId'), { errCode: 40003 });
    }
    const entry = { ...message, sentAt: new Date().toISOString() };
    this.entries.push(entry);
    if (this.file) {
      mkdirSync(dirname(this.file), { recursive: true });
      appendFileSync(this.file, JSON.stringify(entry) + '\n');
    }
    return entry;
  }

  list(touser?: string): OutboxEntry[] {
    return touser ? this.entries.filter((e) => e.touser === touser) : [...this.entries];
  }
}
