/**
 * How long the school posts the approved applications publicly (公示) before the list is fixed
 * (004 §三(六): approved, posted, then fixed). The documents ask for the posting but set no length,
 * so these are the product's bounds: the schema refuses outside them and the school's page says them.
 */
export const LISTING_DAYS = { min: 1, max: 15, usual: 3 } as const;

/** The hint beside the days field, from the same bounds. */
export function listingDaysHint(): string {
  return `填写 ${LISTING_DAYS.min}—${LISTING_DAYS.max} 天（通常 ${LISTING_DAYS.usual} 天）；公示期满后才能确定名单。`;
}
