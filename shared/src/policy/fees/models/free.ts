import type { FreeService } from '../../profiles/types';
import type { GrossFee } from '../types';

/**
 * xxcity 003 二(三): government pays, schools may not charge families in any form. A charge
 * request is answered, not refused: everything is 0 and the notice says why.
 */
export function freeServiceFee(model: FreeService): GrossFee {
  return {
    ok: true,
    grossFen: 0,
    lines: [
      {
        label: '课后服务费：免费',
        amountFen: 0,
        citation: model.citation,
        detail: '课后服务经费由政府保障，学校不向家长收取任何费用',
      },
    ],
  };
}
