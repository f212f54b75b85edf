import type { FunctionName } from '@kehou/shared';
import type { CloudFunction } from '@kehou/shared/cloud';
import { agreementFunction } from '../../cloudfunctions/agreement/src/function';
import { bureauFunction } from '../../cloudfunctions/bureau/src/function';
import { committeeFunction } from '../../cloudfunctions/committee/src/function';
import { disclosureFunction } from '../../cloudfunctions/disclosure/src/function';
import { enrollmentFunction } from '../../cloudfunctions/enrollment/src/function';
import { feedbackFunction } from '../../cloudfunctions/feedback/src/function';
import { feesFunction } from '../../cloudfunctions/fees/src/function';
import { messagesFunction } from '../../cloudfunctions/messages/src/function';
import { paymentsFunction } from '../../cloudfunctions/payments/src/function';
import { servicedayFunction } from '../../cloudfunctions/serviceday/src/function';

/** The same handlers that deploy to WeChat, by function name. */
export const cloudFunctions: Record<FunctionName, CloudFunction> = {
  enrollment: enrollmentFunction,
  agreement: agreementFunction,
  fees: feesFunction,
  disclosure: disclosureFunction,
  feedback: feedbackFunction,
  payments: paymentsFunction,
  committee: committeeFunction,
  bureau: bureauFunction,
  messages: messagesFunction,
  serviceday: servicedayFunction,
};
