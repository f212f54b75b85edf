import { getProfile } from '../profiles/registry';
import type { PolicyProfile } from '../profiles/types';
import type { ChargeInput } from '../schemas';
import { exemptionFor } from './exemption';
import { freeServiceFee } from './models/free';
import { perAttendedMinuteFee } from './models/per-attended-minute';
import { perPeriodFee } from './models/per-period';
import { perTermFee } from './models/per-term';
import { planApprovalViolation } from './plan-approval';
import { seniorMarkupViolation } from './senior-markup';
import type { AmountLine, ChargeResult, GrossFee } from './types';

/**
 * What one student owes for one billing period under the profile named by `input.policy`:
 * the gross fee of the profile's fee model, less the hardship waiver, with one line per reason.
 */
export function computeCharge(input: ChargeInput): ChargeResult {
  return computeChargeUnder(getProfile(input.policy), input);
}

/** Same, for a profile object (e.g. one not yet in the registry). */
export function computeChargeUnder(profile: PolicyProfile, input: ChargeInput): ChargeResult {
  const on = input.period.from;
  const refusal = planApprovalViolation(profile, input.school) ?? seniorMarkupViolation(profile, input.school, on);
  if (refusal) return { ok: false, violation: refusal };

  const gross = grossFee(profile, input);
  if (!gross.ok) return gross;

  const exemption = exemptionFor(profile.fees.exemptions, input.student, gross.grossFen, on);
  const lines: AmountLine[] = exemption.line ? [...gross.lines, exemption.line] : [...gross.lines];
  return {
    ok: true,
    grossFen: gross.grossFen,
    chargeFen: gross.grossFen - exemption.exemptFen,
    exemptFen: exemption.exemptFen,
    governmentShareFen: exemption.governmentShareFen,
    lines,
  };
}

function grossFee(profile: PolicyProfile, input: ChargeInput): GrossFee {
  const model = profile.fees.model;
  switch (model.kind) {
    case 'per-period':
      return perPeriodFee(model, input);
    case 'per-term':
      return perTermFee(model, input, profile);
    case 'free':
      return freeServiceFee(model);
    case 'per-attended-minute':
      return perAttendedMinuteFee(model, input);
  }
}
