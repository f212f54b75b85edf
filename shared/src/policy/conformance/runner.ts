import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { evaluateScenario, parseScenario } from './evaluate';

/** Runs scenario files from disk. Not part of the pure public API (it reads files). */

export interface ScenarioReport {
  readonly file: string;
  readonly name: string;
  readonly passed: boolean;
  readonly expected?: unknown;
  readonly actual?: unknown;
  /** Why the file could not be run at all (unreadable, unparseable, missing). */
  readonly problem?: string;
}

export interface RunReport {
  readonly results: readonly ScenarioReport[];
  readonly passed: number;
  readonly failed: number;
}

export function runScenarios(paths: readonly string[], baseDir: string = process.cwd()): RunReport {
  const results = paths.flatMap((given) => runPath(path.resolve(baseDir, given)));
  const passed = results.filter((result) => result.passed).length;
  return { results, passed, failed: results.length - passed };
}

function runPath(target: string): ScenarioReport[] {
  if (!existsSync(target)) return [failure(target, 'no such file or folder')];
  if (!statSync(target).isDirectory()) return [runFile(target)];
  const files = jsonFilesUnder(target);
  if (files.length === 0) return [failure(target, 'folder holds no *.json scenario')];
  return files.map(runFile);
}

function jsonFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return jsonFilesUnder(full);
      return entry.isFile() && entry.name.endsWith('.json') ? [full] : [];
    });
}

function runFile(file: string): ScenarioReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return failure(file, `unreadable: ${(error as Error).message}`);
  }
  const parsed = parseScenario(text);
  if (!parsed.ok) return failure(file, `unparseable: ${parsed.problem}`);
  const outcome = evaluateScenario(parsed.scenario);
  return { file, name: parsed.scenario.name, ...outcome };
}

function failure(file: string, problem: string): ScenarioReport {
  return { file, name: path.basename(file), passed: false, problem };
}

/** Each failure with name, file, expected and actual; the last line is `N passed, M failed`. */
export function formatReport(report: RunReport): string {
  const blocks = report.results
    .filter((result) => !result.passed)
    .map((result) =>
      [
        `FAIL ${result.name}`,
        `  file:     ${result.file}`,
        ...(result.problem
          ? [`  problem:  ${result.problem}`]
          : [`  expected: ${JSON.stringify(result.expected)}`, `  actual:   ${JSON.stringify(result.actual)}`]),
      ].join('\n'),
    );
  return [...blocks, `${report.passed} passed, ${report.failed} failed`].join('\n');
}
