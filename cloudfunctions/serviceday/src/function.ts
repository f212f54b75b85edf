import { buildContext, type CloudFunction, type CloudSdk, createCloudFunction, isTimerRun } from '@kehou/shared/cloud';
import { servicedayContract } from '@kehou/shared/contracts';
import { confirmShiftHandover } from './actions/confirm-shift-handover';
import { getGateSheet } from './actions/get-gate-sheet';
import { getServiceMonth } from './actions/get-service-month';
import { listSchoolFlags } from './actions/list-school-flags';
import { recordHandover } from './actions/record-handover';
import { reportLeave } from './actions/report-leave';
import { setServiceDaySettings } from './actions/set-service-day-settings';
import { flagUncollected } from './lib/uncollected';

/** 服务日: leave, the hand-over at the gate, shift hand-overs (contract and access rules: shared/src/contracts/serviceday.ts). */
const actions = createCloudFunction(servicedayContract, {
  reportLeave,
  getServiceMonth,
  getGateSheet,
  recordHandover,
  confirmShiftHandover,
  listSchoolFlags,
  setServiceDaySettings,
});

/**
 * The actions, and the timer trigger (config.json, `Type: 'Timer'`): children still waiting after
 * the service are flagged and their guardians messaged. A timer event from anyone but WeChat's
 * trigger (a client calling the function by name, signed in or not) is refused: only WeChat's trigger runs it.
 */
export const servicedayFunction: CloudFunction = Object.assign(
  async (cloud: CloudSdk, event: unknown, context?: unknown) => {
    if ((event as { Type?: unknown } | null)?.Type !== 'Timer') return actions(cloud, event, context);
    if (!isTimerRun(cloud, event)) return { ok: false as const, code: 'FORBIDDEN', message: '定时任务只能由微信定时触发器运行' };
    const ctx = await buildContext(cloud, 'serviceday', 'timer');
    try {
      return { ok: true as const, data: await flagUncollected(ctx) };
    } catch (error) {
      console.error('[serviceday timer]', error);
      return { ok: false as const, code: 'INTERNAL', message: '定时检查出错，下次触发时继续' };
    }
  },
  { actionNames: actions.actionNames },
);
