/**
 * Every area's contract: its actions, their inputs, outputs and access rules. Client-safe (types,
 * zod schemas and plain data only): the cloud functions are built from these, the client is typed
 * by them, and the access matrix test is generated from them.
 */
export * from './access';
export { agreementContract } from './agreement';
export { bureauContract } from './bureau';
export { committeeContract } from './committee';
export * from './define';
export { disclosureContract } from './disclosure';
export { enrollmentContract } from './enrollment';
export { feedbackContract } from './feedback';
export { feesContract } from './fees';
export { messagesContract } from './messages';
export { servicedayContract } from './serviceday';

import { agreementContract } from './agreement';
import { bureauContract } from './bureau';
import { committeeContract } from './committee';
import { disclosureContract } from './disclosure';
import { enrollmentContract } from './enrollment';
import { feedbackContract } from './feedback';
import { feesContract } from './fees';
import { messagesContract } from './messages';
import { servicedayContract } from './serviceday';

export const CONTRACTS = {
  fees: feesContract,
  enrollment: enrollmentContract,
  agreement: agreementContract,
  disclosure: disclosureContract,
  feedback: feedbackContract,
  committee: committeeContract,
  bureau: bureauContract,
  messages: messagesContract,
  serviceday: servicedayContract,
} as const;
