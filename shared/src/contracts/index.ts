/**
 * Every area's contract: its actions, their inputs, outputs and access rules. Client-safe (types,
 * zod schemas and plain data only): the cloud functions are built from these, the client is typed
 * by them, and the access matrix test is generated from them.
 */
export * from './access';
export * from './define';
export { feesContract } from './fees';
export { enrollmentContract } from './enrollment';
export { agreementContract } from './agreement';
export { disclosureContract } from './disclosure';
export { feedbackContract } from './feedback';

import { feesContract } from './fees';
import { enrollmentContract } from './enrollment';
import { agreementContract } from './agreement';
import { disclosureContract } from './disclosure';
import { feedbackContract } from './feedback';

export const CONTRACTS = {
  fees: feesContract,
  enrollment: enrollmentContract,
  agreement: agreementContract,
  disclosure: disclosureContract,
  feedback: feedbackContract,
} as const;
