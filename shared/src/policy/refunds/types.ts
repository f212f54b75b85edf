import type { Violation } from '../core/violation';
import type { AmountLine } from '../fees/types';

export type RefundResult =
  | { readonly ok: true; readonly refundFen: number; readonly lines: readonly AmountLine[] }
  | { readonly ok: false; readonly violation: Violation };
