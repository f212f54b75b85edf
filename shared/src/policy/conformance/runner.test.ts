import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatReport, runScenarios } from './runner';

const passing = {
  name: 'Yueyang winter ends by 17:30',
  policy: 'yueyang-2019',
  kind: 'schedule',
  stage: 'primary',
  date: '2020-12-08',
  winter: true,
  start: '16:00',
  end: '17:30',
  blocks: [],
  expect: { violations: [] },
};

describe('conformance runner', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'kehou-scenarios-'));
  mkdirSync(path.join(folder, 'nested'));
  writeFileSync(path.join(folder, 'a-pass.json'), JSON.stringify(passing));
  writeFileSync(path.join(folder, 'b-fail.json'), JSON.stringify({ ...passing, name: 'Too late', end: '17:45' }));
  writeFileSync(path.join(folder, 'c-broken.json'), '{"name": ');
  writeFileSync(path.join(folder, 'nested', 'd-pass.json'), JSON.stringify({ ...passing, name: 'nested' }));
  writeFileSync(path.join(folder, 'notes.txt'), 'not a scenario');

  it('runs every *.json under the folders given, counting unparseable files as failures', () => {
    const report = runScenarios([folder]);
    expect(report.results.map((r) => [path.basename(r.file), r.passed])).toEqual([
      ['a-pass.json', true],
      ['b-fail.json', false],
      ['c-broken.json', false],
      ['d-pass.json', true],
    ]);
    expect([report.passed, report.failed]).toEqual([2, 2]);
  });

  it('prints each failure with name, file, expected and actual, and ends with the count line', () => {
    const text = formatReport(runScenarios([folder]));
    const lines = text.split('\n');
    expect(lines[lines.length - 1]).toBe('2 passed, 2 failed');
    expect(text).toContain('FAIL Too late');
    expect(text).toContain(`  file:     ${path.join(folder, 'b-fail.json')}`);
    expect(text).toContain('  expected: {"violations":[]}');
    expect(text).toContain('  actual:   {"violations":["schedule.end-too-late"]}');
    expect(text).toContain('FAIL c-broken.json');
    expect(text).toContain('unparseable: invalid JSON');
  });

  it('fails a missing path and an empty folder instead of passing nothing', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'kehou-empty-'));
    const report = runScenarios([path.join(folder, 'missing.json'), empty]);
    expect([report.passed, report.failed]).toEqual([0, 2]);
  });

  it('reads relative paths from the base folder given', () => {
    expect(runScenarios(['a-pass.json'], folder).passed).toBe(1);
  });
});
