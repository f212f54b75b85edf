import { type ActionContext, AppError, checkWrittenText, isoNow, removeAudited, setAudited } from '../../cloud';
import { type ClassGroup, type HardshipDeclaration, type PickupArrangement, type Publication, WEEKDAY_LABELS, type Weekday } from '../../index';

/** The service days of the child's stage in the published plan. */
export function serviceWeekdays(publication: Publication, classGroup: Pick<ClassGroup, 'stage'>): Weekday[] {
  const schedule = publication.content.schedules.find((s) => s.stage === classGroup.stage);
  const days = schedule ? schedule.weekdays : publication.content.items.flatMap((i) => i.weekdays);
  return ([1, 2, 3, 4, 5] as Weekday[]).filter((d) => days.includes(d));
}

/** Checks the parent's choices against the published plan; a Chinese error names what is wrong. */
export function checkChoices(publication: Publication, classGroup: Pick<ClassGroup, 'stage'>, choices: { days: Weekday[]; itemIds: string[] }): void {
  const serviceDays = serviceWeekdays(publication, classGroup);
  const offDays = choices.days.filter((d) => !serviceDays.includes(d));
  if (offDays.length) throw new AppError('INVALID_INPUT', `${offDays.map((d) => WEEKDAY_LABELS[d]).join('、')}没有课后服务`);
  for (const itemId of choices.itemIds) {
    const item = publication.content.items.find((i) => i.id === itemId);
    if (!item) throw new AppError('INVALID_INPUT', '所选项目不在学校公布的方案中，请刷新后重新选择');
    if (!item.weekdays.some((d) => choices.days.includes(d))) {
      throw new AppError('INVALID_INPUT', `「${item.name}」在${item.weekdays.map((d) => WEEKDAY_LABELS[d]).join('、')}，请至少选择其中一天`);
    }
  }
}

/**
 * What a parent wrote that staff will read (the pick-up adults' names and relations, the hardship
 * note) passes WeChat's content check before anything is stored.
 */
export async function checkWrittenChoices(ctx: ActionContext, choices: { pickup: PickupArrangement; hardship?: { note: string } | null }): Promise<void> {
  const pickers = choices.pickup.mode === 'pickers' ? choices.pickup.pickers : [];
  await checkWrittenText(ctx, [
    ...pickers.flatMap((p, i) => [
      { label: `接送人${i + 1}姓名`, text: p.name },
      { label: `接送人${i + 1}关系`, text: p.relation },
    ]),
    { label: '困难情况说明', text: choices.hardship?.note ?? '' },
  ]);
}

/** Normalises the pick-up arrangement (nothing else is stored). */
export function cleanPickup(pickup: PickupArrangement): PickupArrangement {
  return pickup.mode === 'alone'
    ? { mode: 'alone' }
    : { mode: 'pickers', pickers: pickup.pickers.map((p) => ({ name: p.name, relation: p.relation, phone: p.phone })) };
}

/** Writes (or removes, when the caller declared it) the hardship declaration, kept apart from the application. */
export async function writeHardship(
  ctx: ActionContext,
  app: { _id: string; studentId: string; schoolId: string; classId: string; termId: string },
  hardship: { kind: HardshipDeclaration['kind']; note: string } | null | undefined,
): Promise<void> {
  if (hardship === undefined) return;
  if (hardship === null) {
    // Only its declarer withdraws a declaration: a co-guardian never saw it (their form shows none).
    const { data } = await ctx.collection('hardshipDeclarations').where({ _id: app._id }).limit(1).get();
    const existing = data[0] as HardshipDeclaration | undefined;
    if (existing && existing.declaredBy === ctx.caller.openid) {
      await removeAudited(ctx, 'hardshipDeclarations', app._id, '撤回家庭经济困难申报');
    }
    return;
  }
  const declaration: Omit<HardshipDeclaration, '_id'> = {
    applicationId: app._id,
    studentId: app.studentId,
    schoolId: app.schoolId,
    classId: app.classId,
    termId: app.termId,
    kind: hardship.kind,
    note: hardship.note,
    declaredBy: ctx.caller.openid ?? '',
    declaredAt: isoNow(ctx),
  };
  await setAudited(ctx, 'hardshipDeclarations', app._id, { ...declaration }, '申报家庭经济困难');
}
