import { implement } from '@kehou/shared/cloud';
import { disclosureContract } from '@kehou/shared/contracts';
import { chinaDate, filingDeadlineInfo, reportDuties } from '@kehou/shared/disclosure';
import { profileOf } from '../lib/load';
import { firstFiledOn } from '../lib/plans';
import { termRecords } from '../lib/term-records';

/** The school's terms with their plan's state and filing deadline, and the reports it owes. */
export const getSchoolOverview = implement(disclosureContract.actions.getSchoolOverview, async (ctx, { schoolId }, { doc: school }) => {
  const profile = profileOf(school);
  const today = chinaDate(ctx.now());
  const records = await termRecords(ctx, schoolId, false);
  return {
    school: { schoolId, name: school.name, profileId: school.profileId, profileName: profile.name },
    terms: records.map(({ term, plan, versions }) => ({
      termId: term._id,
      name: term.name,
      startDate: term.startDate,
      current: term.current,
      status: plan?.status ?? ('none' as const),
      publishedVersion: plan?.publishedVersion ?? 0,
      deadline: filingDeadlineInfo(profile, term.startDate, today, firstFiledOn(plan, versions)),
    })),
    reports: reportDuties(profile, today),
  };
});
