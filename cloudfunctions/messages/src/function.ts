import { buildContext, type CloudFunction, type CloudSdk, createCloudFunction, isTimerRun } from '@kehou/shared/cloud';
import { messagesContract } from '@kehou/shared/contracts';
import { getClassReach } from './actions/get-class-reach';
import { getSchoolReach } from './actions/get-school-reach';
import { listMyMessages } from './actions/list-my-messages';
import { recordConsents } from './actions/record-consents';
import { onTimer } from './timer';

const actions = createCloudFunction(messagesContract, {
  recordConsents,
  listMyMessages,
  getSchoolReach,
  getClassReach,
});

/**
 * 消息 (contract and access rules: shared/src/contracts/messages.ts). The only function allowed to
 * send subscription messages (config.json): its timer trigger sends what the other functions queued,
 * against each person's consents, and queues the day's reminders. A timer event from anyone but
 * WeChat's trigger (a client calling the function by name) is answered as an unknown action.
 */
export const messagesFunction: CloudFunction = Object.assign(
  async (cloud: CloudSdk, event: unknown, context?: unknown) => {
    if (isTimerRun(cloud, event)) {
      const ctx = await buildContext(cloud, 'messages', 'timer');
      return { ok: true as const, data: await onTimer(ctx) };
    }
    return actions(cloud, event, context);
  },
  { actionNames: actions.actionNames },
);
