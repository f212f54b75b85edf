import { buildContext, type CloudFunction, type CloudSdk, createCloudFunction, getAll, isTimerRun } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { answerInspection } from './actions/answer-inspection';
import { exportDashboard } from './actions/export-dashboard';
import { fileReport } from './actions/file-report';
import { getDashboard } from './actions/get-dashboard';
import { getSchoolDetail } from './actions/get-school-detail';
import { listInspections } from './actions/list-inspections';
import { recordInspection } from './actions/record-inspection';
import { refreshSummaries } from './actions/refresh-summaries';
import { refreshStep } from './lib/summaries';

/** Summaries the hourly timer refreshes per run (missing first, then the oldest): every school of 100 within a few hours. */
export const TIMER_BATCH = 20;

const routed = createCloudFunction(bureauContract, {
  getDashboard,
  refreshSummaries,
  exportDashboard,
  getSchoolDetail,
  recordInspection,
  answerInspection,
  listInspections,
  fileReport,
});

/**
 * 教育局：辖区看板、督导记录、报告报送 (000 §四(六), 001 §六5; contract: shared/src/contracts/bureau.ts).
 * The timer trigger (config.json) refreshes the schools' summaries in bounded batches; a call from
 * anyone but WeChat's trigger is always routed as an action, never as the timer.
 */
export const bureauFunction: CloudFunction = Object.assign(
  async (cloud: CloudSdk, event: unknown, context?: unknown) => {
    if (!isTimerRun(cloud, event)) return routed(cloud, event, context);
    const ctx = await buildContext(cloud, 'bureau', 'timer');
    const bureaus = await getAll<{ bureauId: string }>(ctx.collection('schools').field({ bureauId: true }));
    const result = await refreshStep(ctx, [...new Set(bureaus.map((b) => b.bureauId))], TIMER_BATCH);
    return { ok: true as const, data: result };
  },
  { actionNames: routed.actionNames },
);
