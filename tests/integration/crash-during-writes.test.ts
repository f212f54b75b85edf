/**
 * A kill -9 in the middle of a burst of writes (a real child process on a real data folder): every
 * write the functions acknowledged is on disk, and every write has its audit entry and every audit
 * entry its write — nothing half-done, nothing unaudited.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../local-cloud/src';

const root = join(__dirname, '../..');

async function burstThenKill(dataDir: string, acks: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests/support/write-burst.ts'), dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acknowledged: string[] = [];
  let buffer = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
      if (acknowledged.length >= acks && child.exitCode === null) {
        child.kill('SIGKILL');
      }
    });
    // A child that never acknowledges (a broken action) must not hang the suite.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', () => {
      clearTimeout(guard);
      resolve();
    });
  });
  return acknowledged;
}

describe('a crash during a burst of writes', () => {
  it('kill -9 mid-burst: every acknowledged write is there, each with its audit entry, and no entry without its write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehou-crash-'));
    try {
      const acknowledged = await burstThenKill(dataDir, 150);
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);

      const runtime = await createRuntime({ dataDir });
      const feedback = new Set<string>();
      for (let skip = 0; ; skip += 100) {
        const { data } = await runtime.database.collection('feedback').skip(skip).limit(100).get();
        for (const doc of data) feedback.add(String(doc._id));
        if (data.length < 100) break;
      }
      const audited = new Set<string>();
      for (let skip = 0; ; skip += 100) {
        const { data } = await runtime.database.collection('audit').where({ action: 'feedback.submitFeedback' }).skip(skip).limit(100).get();
        for (const entry of data) for (const target of entry.targets as { id: string }[]) audited.add(target.id);
        if (data.length < 100) break;
      }
      await runtime.close();

      console.log(`crash test: ${acknowledged.length} writes acknowledged before kill -9, ${feedback.size} on disk, ${audited.size} audited`);
      for (const id of acknowledged) expect(feedback.has(id)).toBe(true);
      expect([...feedback].filter((id) => !audited.has(id))).toEqual([]);
      expect([...audited].filter((id) => !feedback.has(id))).toEqual([]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
