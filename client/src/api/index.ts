import type {
  agreementContract,
  bureauContract,
  Contract,
  committeeContract,
  disclosureContract,
  enrollmentContract,
  feedbackContract,
  feesContract,
  InputOf,
  messagesContract,
  OutputOf,
  servicedayContract,
} from '@kehou/shared/contracts';
import { callFunction } from './call';

// biome-ignore lint/complexity/noBannedTypes: `{} extends T` asks whether every field of the input is optional.
type Call<A> = {} extends InputOf<A> ? (input?: InputOf<A>) => Promise<OutputOf<A>> : (input: InputOf<A>) => Promise<OutputOf<A>>;

/** A contract as the client calls it: one typed method per action (a misspelt action or a wrong input does not compile). */
export type ClientOf<C extends Contract> = { [K in keyof C['actions']]: Call<C['actions'][K]> };

/**
 * The client of one area, typed by its contract and nothing more at run time: the contract is
 * imported for its types only, so the pages do not carry the schemas of areas they never call.
 */
function clientFor<C extends Contract>(name: C['name']): ClientOf<C> {
  return new Proxy({} as ClientOf<C>, {
    get:
      (_target, action) =>
      (input: object = {}) =>
        callFunction(name, String(action), input),
  });
}

/** The cloud, area by area: `api.fees.issueNotices({ schoolId, termId, periodKey, digest })`. */
export const api = {
  fees: clientFor<typeof feesContract>('fees'),
  enrollment: clientFor<typeof enrollmentContract>('enrollment'),
  agreement: clientFor<typeof agreementContract>('agreement'),
  disclosure: clientFor<typeof disclosureContract>('disclosure'),
  feedback: clientFor<typeof feedbackContract>('feedback'),
  committee: clientFor<typeof committeeContract>('committee'),
  bureau: clientFor<typeof bureauContract>('bureau'),
  messages: clientFor<typeof messagesContract>('messages'),
  serviceday: clientFor<typeof servicedayContract>('serviceday'),
};

export { ApiError } from './call';
