import type { Citation } from '../core/citation';
import type { Violation } from '../core/violation';

/** One line of a fee notice: what it is, how much, and the clause that says so. */
export interface AmountLine {
  /** Chinese, for parents. */
  readonly label: string;
  /** Charges positive, waivers negative: the lines of a charge add up to chargeFen. */
  readonly amountFen: number;
  readonly citation: Citation;
  readonly detail?: string;
}

export type ChargeResult =
  | {
      readonly ok: true;
      /** What the service costs this student before any hardship waiver. */
      readonly grossFen: number;
      /** What the family pays. */
      readonly chargeFen: number;
      /** What is waived for hardship or by the school's reduction. */
      readonly exemptFen: number;
      /** The part of exemptFen the government bears. */
      readonly governmentShareFen: number;
      readonly lines: readonly AmountLine[];
    }
  | { readonly ok: false; readonly violation: Violation };

/** The first step of a charge: the fee before waivers, or why no fee may be issued. */
export type GrossFee =
  | { readonly ok: true; readonly grossFen: number; readonly lines: readonly AmountLine[] }
  | { readonly ok: false; readonly violation: Violation };
