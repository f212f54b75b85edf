import path from 'node:path';
import { formatReport, runScenarios } from './runner';

/**
 * npm run conformance -- <folders or files>
 * Relative paths are read from where npm was started (INIT_CWD), else the current folder.
 * Without arguments: the public examples and this package's own scenarios.
 */
const given = process.argv.slice(2);
const defaults = [path.resolve(__dirname, '../../../../../shared/conformance/examples'), path.resolve(__dirname, 'scenarios')];
const report = runScenarios(given.length > 0 ? given : defaults, process.env.INIT_CWD ?? process.cwd());
console.log(formatReport(report));
process.exitCode = report.failed > 0 ? 1 : 0;
