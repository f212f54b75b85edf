import { reportFilingIdOf, touchSchoolSummary } from '@kehou/shared/bureau/server';
import { AppError, addAudited, implement, isoNow } from '@kehou/shared/cloud';
import { bureauContract } from '@kehou/shared/contracts';
import { getProfile } from '@kehou/shared/policy';

/** The school records that it handed in a report its profile requires (001 §六5: 每年6月30日和12月31日前), for the bureau's list of reports in. */
export const fileReport = implement(bureauContract.actions.fileReport, async (ctx, input, { doc: school }) => {
  const duty = getProfile(school.profileId)?.reports.find((r) => r.key === input.reportKey);
  if (!duty) throw new AppError('INVALID_INPUT', '本地政策没有要求这份报告');
  if (duty.due.length === 2 && !input.half) throw new AppError('INVALID_INPUT', '请选择上半年或下半年');
  const half = duty.due.length === 2 ? input.half : undefined;
  const id = reportFilingIdOf(school._id, duty.key, input.year, half);
  const added = await addAudited(
    ctx,
    'reportFilings',
    { _id: id, schoolId: school._id, reportKey: duty.key, year: input.year, ...(half ? { half } : {}), filedAt: isoNow(ctx) } as { _id: string },
    `报送${duty.label}（${input.year}${half ? (half === 1 ? ' 上半年' : ' 下半年') : ''}）`,
  );
  await touchSchoolSummary(ctx, school._id, ['reports']);
  return { filingId: id, alreadyFiled: !added };
});
