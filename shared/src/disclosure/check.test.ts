import type { PlanContent } from '../domain/plan';
import { checkServicePlan, hasWinterTimetable, issuesAt } from './check';
import { planContentSchema } from './content-schema';
import { AUTUMN_2026, profiles, validContent, withAllAttachments } from './test-fixtures';

const { qijiang, yueyang, xxcity, suifenhe } = profiles;
const ids = (content: PlanContent, profile = qijiang) => checkServicePlan(profile, content, AUTUMN_2026).map((i) => `${i.ruleId}@${i.path}`);

describe('checkServicePlan: every problem beside its field, with its clause', () => {
  it('a complete plan passes under each profile once it has what the profile asks for', () => {
    expect(ids(withAllAttachments(qijiang, validContent()))).toEqual([]);
    expect(ids(validContent(), suifenhe)).toEqual([]);
    expect(ids(withAllAttachments(yueyang, validContent({ feeSettings: { termFeeFen: 30000 } })), yueyang)).toEqual([]);
    expect(ids(validContent(), xxcity)).toEqual([]);
  });

  it('maps schedule violations to the stage schedule’s fields (suifenhe times and exercise)', () => {
    const content = validContent();
    content.schedules[0] = { ...content.schedules[0], start: '16:00', end: '19:00', blocks: [{ category: 'homework', minutes: 60 }] };
    const issues = checkServicePlan(suifenhe, content, AUTUMN_2026);
    expect(issues.map((i) => `${i.ruleId}@${i.path}`)).toEqual([
      'schedule.start-time@schedules.0.start',
      'schedule.end-too-late@schedules.0.end',
      'schedule.exercise-too-short@schedules.0.blocks',
    ]);
    expect(issues[1].citation).toMatchObject({ section: '三(二)1-2' });
    expect(issues[1].message).toContain('18:30');
  });

  it('a forbidden block category is shown on that block', () => {
    const content = validContent();
    content.schedules[0].blocks[0].minutes = 40;
    content.schedules[0].blocks.push({ category: 'subject-teaching', minutes: 20 });
    expect(ids(content, suifenhe)).toEqual(['content.subject-teaching@schedules.0.blocks.3.category']);
  });

  it('blocks longer than the service time are shown under the day’s blocks, and the plan’s schema refuses them too', () => {
    const content = validContent();
    content.schedules[0].blocks.push({ category: 'reading', minutes: 15 });
    const issues = checkServicePlan(suifenhe, content, AUTUMN_2026);
    expect(issues.map((i) => `${i.ruleId}@${i.path}`)).toEqual(['schedule.blocks-over-time@schedules.0.blocks']);
    expect(issues[0].message).toContain('合计 135 分钟');
    expect(issues[0].citation).toMatchObject({ section: expect.stringContaining('三(二)') });
    const parsed = planContentSchema.safeParse(content);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['schedules', 0, 'blocks'], message: issues[0].message })]);
    content.schedules[0].blocks.pop();
    expect(planContentSchema.safeParse(content).success).toBe(true);
  });

  it('yueyang: the winter timetable is checked against its own latest end (17:30)', () => {
    expect(hasWinterTimetable(yueyang)).toBe(true);
    expect(hasWinterTimetable(suifenhe)).toBe(false);
    const content = withAllAttachments(yueyang, validContent({ feeSettings: { termFeeFen: 30000 } }));
    content.schedules[0] = { ...content.schedules[0], end: '18:00', winter: { end: '17:45', from: '2026-11-01', to: '2027-01-15' } };
    const issues = checkServicePlan(yueyang, content, AUTUMN_2026);
    expect(issues.map((i) => `${i.ruleId}@${i.path}`)).toEqual(['schedule.end-too-late@schedules.0.winter.end']);
    expect(issues[0].citation).toMatchObject({ doc: '岳教体发〔2019〕11号', section: '三2' });
  });

  it('a time still being typed gets a hint instead of a rule (the engine needs real times)', () => {
    const content = validContent();
    content.schedules[0].end = '17:3';
    content.schedules[0].winter = { end: '17:30', from: '2026-11', to: '2027-01-15' };
    expect(ids(content, suifenhe)).toEqual(['plan.incomplete@schedules.0.end']);
    content.schedules[0].end = '17:30';
    expect(ids(withAllAttachments(yueyang, { ...content, feeSettings: { termFeeFen: 1 } }), yueyang)).toEqual(['plan.incomplete@schedules.0.winter.from']);
  });

  it('winter dates must exist and lie inside the term', () => {
    const content = withAllAttachments(yueyang, { ...validContent(), feeSettings: { termFeeFen: 1 } });
    content.schedules[0] = { ...content.schedules[0], winter: { end: '17:30', from: '2026-11-31', to: '2027-01-15' } };
    expect(ids(content, yueyang)).toEqual(['plan.incomplete@schedules.0.winter.from']);
    content.schedules[0].winter = { end: '17:30', from: '2026-11-01', to: '2027-02-10' };
    expect(ids(content, yueyang)).toEqual(['plan.date-outside-term@schedules.0.winter.to']);
  });

  it('maps the engine’s plan rules to the item fields (homework, unvetted and for-profit providers)', () => {
    const content = validContent();
    content.providers.push({ id: 'prov-co', name: '某培训公司', type: 'company', vetted: false, list: null });
    content.items[1] = { ...content.items[1], providerId: 'prov-co', assignsHomework: true };
    expect(ids(content, suifenhe)).toEqual([
      'content.homework-assigned@items.1.assignsHomework',
      'provider.not-vetted@items.1.providerId',
      'provider.for-profit@items.1.providerId',
    ]);
  });

  it('xxcity: the budget rules point at the items and at the expected students', () => {
    const content = validContent({ expectedStudents: 10 });
    content.providers.push({ id: 'prov-ngo', name: '公益机构', type: 'nonprofit', vetted: true, list: null });
    content.items[0].costFen = 400_000;
    content.items[1] = { ...content.items[1], providerId: 'prov-ngo', costFen: 900_000 };
    expect(ids(content, xxcity)).toEqual([
      'budget.external-share@items',
      'budget.per-student@expectedStudents',
      'filing.missing-document@attachments.external-appointments',
    ]);
  });

  it('the basic care service must exist and has no capacity', () => {
    const noBasic = validContent();
    noBasic.items = noBasic.items.filter((i) => i.kind !== 'basic');
    const issues = checkServicePlan(suifenhe, noBasic, AUTUMN_2026);
    expect(issues.map((i) => `${i.ruleId}@${i.path}`)).toEqual(['plan.basic-care-missing@items']);
    expect(issues[0].citation).toEqual(suifenhe.basicCareRefusable.citation);
    const capped = validContent();
    capped.items[0].capacity = 50;
    expect(ids(capped, suifenhe)).toEqual(['plan.basic-care-capacity@items.0.capacity']);
  });

  it('external staff must be vetted; items must name existing providers and staff; clubs need a capacity', () => {
    const content = validContent();
    content.staff.push({ id: 'staff-x', name: '马老师', kind: 'external', duty: '书法', vetted: false });
    content.items[1] = { ...content.items[1], providerId: 'gone', staffIds: ['nobody'], capacity: undefined };
    expect(ids(content, suifenhe)).toEqual([
      'plan.reference@items.1.providerId',
      'plan.incomplete@items.1.capacity',
      'plan.reference@items.1.staffIds',
      'provider.not-vetted@staff.2.vetted',
    ]);
  });

  it('what must be disclosed must be written, with the disclosure clause where there is one', () => {
    const content = validContent({ safety: { measures: '', emergencyPlan: '' }, funding: '', staff: [], pickup: { arrangement: '', pickupTime: '' } });
    for (const item of content.items) item.staffIds = [];
    const issues = checkServicePlan(suifenhe, content, AUTUMN_2026);
    expect(issues.map((i) => i.path)).toEqual(['safety.measures', 'safety.emergencyPlan', 'pickup.arrangement', 'staff', 'funding']);
    expect(issuesAt(issues, 'safety.measures')[0].citation).toMatchObject({ section: '二(五)' });
    expect(issuesAt(issues, 'staff')[0].citation).toMatchObject({ section: '三(四)' });
  });

  it('fee settings: only those the profile allows, within range', () => {
    expect(ids(validContent({ feeSettings: { seniorMarkupPercent: 12 } }), suifenhe)).toEqual(['fees.markup-too-high@feeSettings.seniorMarkupPercent']);
    expect(ids(validContent({ feeSettings: { seniorMarkupPercent: 10 } }), suifenhe)).toEqual([]);
    expect(ids(withAllAttachments(qijiang, validContent({ feeSettings: { termFeeFen: 100 } })))).toEqual(['fees.setting-not-allowed@feeSettings.termFeeFen']);
    expect(ids(withAllAttachments(yueyang, validContent()), yueyang)).toEqual(['plan.incomplete@feeSettings.termFeeFen']);
  });

  it('the filing package of the profile: yueyang’s seven documents, plus two with outside bodies (001 五2)', () => {
    const content = validContent({ feeSettings: { termFeeFen: 30000 } });
    const missing = checkServicePlan(yueyang, content, AUTUMN_2026).filter((i) => i.ruleId === 'filing.missing-document');
    expect(missing.map((i) => i.path)).toEqual([
      'attachments.plan',
      'attachments.items-and-fees',
      'attachments.facilities-and-staff',
      'attachments.temporary-staff-contracts',
      'attachments.safety-emergency-plan',
      'attachments.staff-pay-standard',
      'attachments.funding',
    ]);
    expect(missing[0].citation).toMatchObject({ doc: '岳教体发〔2019〕11号', section: '五2' });

    const withOutside = withAllAttachments(yueyang, content);
    withOutside.attachments = withOutside.attachments.filter((a) => !a.key.startsWith('external-'));
    withOutside.providers.push({ id: 'prov-ngo', name: '青少年宫', type: 'nonprofit', vetted: true, list: null });
    withOutside.items[1].providerId = 'prov-ngo';
    expect(ids(withOutside, yueyang)).toEqual([
      'filing.missing-document@attachments.external-agreements',
      'filing.missing-document@attachments.external-licences',
    ]);
  });

  it('qijiang asks for its own plan document (000 五)', () => {
    const issues = checkServicePlan(qijiang, validContent(), AUTUMN_2026);
    expect(issues).toEqual([
      expect.objectContaining({ ruleId: 'filing.missing-document', path: 'attachments.plan', citation: expect.objectContaining({ section: '五' }) }),
    ]);
  });
});
