import { addWorkingDays, type IsoDate } from '../core/calendar';
import { valueOn } from '../core/parameter';
import type { FilingDocument, PolicyProfile } from '../profiles/types';

/**
 * The last day to file the term's plan, or null where the profile sets no deadline.
 * yueyang 001 五2 "开学后10个工作日内": the term's first day is not counted (as in Chinese law,
 * a period counted in days starts the next day), and only Saturdays and Sundays are skipped
 * because public holidays are not known to the engine.
 */
export function filingDeadline(profile: PolicyProfile, termStart: IsoDate): IsoDate | null {
  const workingDays = profile.filing?.deadlineWorkingDaysAfterTermStart;
  if (!workingDays) return null;
  return addWorkingDays(termStart, valueOn(workingDays, termStart));
}

/** The documents a school's filing must contain, given whether outside bodies run any item. */
export function filingDocuments(profile: PolicyProfile, options: { hasExternalProviders: boolean }): readonly FilingDocument[] {
  const documents = profile.filing?.documents ?? [];
  return documents.filter((document) => !document.whenExternalProviders || options.hasExternalProviders);
}
