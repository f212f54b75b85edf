import type { PlanContent, PlanItem, Provider, StageSchedule } from '../domain/plan';
import {
  type Activity,
  type Block,
  blocksOverTimeViolation,
  type Category,
  type Citation,
  checkPlanUnder,
  checkScheduleUnder,
  clockTimeSchema,
  type DisclosureKey,
  filingDocuments,
  isoDateSchema,
  type PolicyProfile,
  type ProfileId,
  type Violation,
} from '../policy';
import { firstDateOn } from './dates';

const isClockTime = (text: string) => clockTimeSchema.safeParse(text).success;
const isDate = (text: string) => isoDateSchema.safeParse(text).success;

import { feeSettingIssues } from './fee-settings';
import type { PlanIssue } from './types';

export interface TermDates {
  startDate: string;
  endDate: string;
}

/**
 * Everything that stops a plan from being submitted, each with the path of its field:
 * the policy engine's schedule and plan rules (with their clauses), the basic care service,
 * the fee settings the profile allows, what must be disclosed, and the filing package.
 * Pure: the client runs it live while the admin types, the cloud again on save and submit.
 */
export function checkServicePlan(profile: PolicyProfile, content: PlanContent, term: TermDates): PlanIssue[] {
  return [
    ...content.schedules.flatMap((schedule, index) => scheduleIssues(profile, schedule, index, term)),
    ...itemIssues(profile, content, term),
    ...basicCareIssues(profile, content),
    ...staffIssues(profile, content),
    ...feeSettingIssues(profile, term.startDate, content.feeSettings),
    ...completenessIssues(profile, content),
    ...filingIssues(profile, content),
  ];
}

/** Issues whose path is the field or inside it: `items.2` matches `items.2.providerId`. */
export function issuesAt(issues: readonly PlanIssue[], path: string): PlanIssue[] {
  return issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
}

// ---------------------------------------------------------------- schedules

function scheduleIssues(profile: PolicyProfile, schedule: StageSchedule, index: number, term: TermDates): PlanIssue[] {
  const base = `schedules.${index}`;
  const issues: PlanIssue[] = [];
  if (!schedule.weekdays.length) {
    issues.push({ ruleId: 'plan.incomplete', message: '请选择每周的服务日。', path: `${base}.weekdays`, ...disclosureCitation(profile, 'service-time') });
  }
  const badTimes = (['start', 'end'] as const).filter((field) => !isClockTime(schedule[field]));
  if (badTimes.length) {
    // The engine needs real times: say how to write them and check the rest once they are.
    return [
      ...issues,
      ...badTimes.map((field): PlanIssue => ({ ruleId: 'plan.incomplete', message: '请按“时:分”填写，如 15:30。', path: `${base}.${field}` })),
    ];
  }
  const blocks = schedule.blocks.map((block): Block => ({ category: block.category as Category, minutes: block.minutes }));
  const regular = checkScheduleUnder(profile, {
    policy: profile.id as ProfileId,
    stage: schedule.stage,
    date: firstDateOn(term.startDate, schedule.weekdays),
    winter: false,
    start: schedule.start,
    end: schedule.end,
    blocks,
  });
  issues.push(...regular.map((v) => fromViolation(v, schedulePath(base, v.path))));

  if (schedule.winter && hasWinterTimetable(profile)) issues.push(...winterIssues(profile, schedule, base, term));
  const winter = schedule.winter && isClockTime(schedule.winter.end) ? schedule.winter : undefined;
  const overrun = blocksOverTimeViolation(profile, { ...schedule, winter }, firstDateOn(term.startDate, schedule.weekdays));
  if (overrun) issues.push(fromViolation(overrun, `${base}.blocks`));
  return issues;
}

/** yueyang 001 三2: while the winter timetable is in force the service ends earlier. */
function winterIssues(profile: PolicyProfile, schedule: StageSchedule, base: string, term: TermDates): PlanIssue[] {
  const winter = schedule.winter!;
  const incomplete = (path: string, message: string): PlanIssue => ({ ruleId: 'plan.incomplete', message, path: `${base}.winter.${path}` });
  if (!isClockTime(winter.end)) return [incomplete('end', '请按“时:分”填写，如 17:30。')];
  if (!isDate(winter.from) || !isDate(winter.to)) return [incomplete('from', '请按“年-月-日”填写冬季作息的起止日期，如 2026-11-01。')];
  if (winter.from > winter.to) return [incomplete('from', '冬季作息的开始日期不能晚于结束日期。')];
  const outside = (['from', 'to'] as const).filter((field) => winter[field] < term.startDate || winter[field] > term.endDate);
  if (outside.length) {
    return outside.map((field) => ({
      ruleId: 'plan.date-outside-term' as const,
      message: `冬季作息的日期应在本学期（${term.startDate} 至 ${term.endDate}）之内。`,
      path: `${base}.winter.${field}`,
    }));
  }
  const violations = checkScheduleUnder(profile, {
    policy: profile.id as ProfileId,
    stage: schedule.stage,
    date: firstDateOn(winter.from, schedule.weekdays),
    winter: true,
    start: schedule.start,
    end: winter.end,
    blocks: [],
  });
  return violations.filter((v) => v.path === 'end').map((v) => fromViolation(v, `${base}.winter.end`));
}

function schedulePath(base: string, enginePath: string | undefined): string {
  if (!enginePath || enginePath === 'date') return `${base}.weekdays`;
  const block = /^blocks\[(\d+)\]\.(\w+)$/.exec(enginePath);
  if (block) return `${base}.blocks.${block[1]}.${block[2]}`;
  return `${base}.${enginePath}`;
}

/** Whether the profile has a winter timetable (yueyang 001 三2: 冬季作息 ends by 17:30). */
export function hasWinterTimetable(profile: PolicyProfile): boolean {
  const times = profile.schedule.serviceTimes;
  return !!times && times.some((version) => Object.values(version.value).some((t) => t.latestEndInWinter !== undefined));
}

// ---------------------------------------------------------------- items (the engine's plan rules)

const STAFF_PROVIDER = { type: 'staff', vetted: true, list: null } as const;

function itemIssues(profile: PolicyProfile, content: PlanContent, term: TermDates): PlanIssue[] {
  const providers = new Map(content.providers.map((p) => [p.id, p]));
  const staffIds = new Set(content.staff.map((s) => s.id));
  const issues: PlanIssue[] = [];
  content.items.forEach((item, index) => {
    const base = `items.${index}`;
    if (!item.name) issues.push({ ruleId: 'plan.incomplete', message: '请填写项目名称。', path: `${base}.name` });
    if (!providers.has(item.providerId)) {
      issues.push({ ruleId: 'plan.reference', message: '请选择由谁提供这个项目。', path: `${base}.providerId` });
    }
    if (!item.weekdays.length) issues.push({ ruleId: 'plan.incomplete', message: '请选择开展的日子。', path: `${base}.weekdays` });
    if (item.kind === 'club' && item.capacity === undefined) {
      issues.push({ ruleId: 'plan.incomplete', message: '请填写社团名额。', path: `${base}.capacity` });
    }
    const missingStaff = item.staffIds.filter((id) => !staffIds.has(id));
    if (missingStaff.length) {
      issues.push({ ruleId: 'plan.reference', message: '所选服务人员已不在人员名单中，请重新选择。', path: `${base}.staffIds` });
    }
  });
  const activities = content.items.map((item) => toActivity(item, providers.get(item.providerId)));
  const violations = checkPlanUnder(profile, {
    policy: profile.id as ProfileId,
    activities,
    students: content.expectedStudents,
    date: term.startDate,
  });
  issues.push(...violations.map((v) => fromViolation(v, itemPath(v.path))));
  return issues;
}

function toActivity(item: PlanItem, provider: Provider | undefined): Activity {
  return {
    name: item.name,
    category: item.category as Category,
    assignsHomework: item.assignsHomework,
    provider: provider ? { type: provider.type, vetted: provider.vetted, list: provider.list } : { ...STAFF_PROVIDER },
    costFen: item.costFen,
  };
}

function itemPath(enginePath: string | undefined): string {
  if (!enginePath || enginePath === 'activities') return 'items';
  if (enginePath === 'students') return 'expectedStudents';
  const match = /^activities\[(\d+)\](?:\.(\w+))?$/.exec(enginePath);
  if (!match) return 'items';
  const field = match[2] === 'provider' ? 'providerId' : match[2];
  return field ? `items.${match[1]}.${field}` : `items.${match[1]}`;
}

// ---------------------------------------------------------------- basic care, staff

function basicCareIssues(profile: PolicyProfile, content: PlanContent): PlanIssue[] {
  const citation = profile.basicCareRefusable.citation;
  const issues: PlanIssue[] = [];
  if (!content.items.some((item) => item.kind === 'basic')) {
    issues.push({ ruleId: 'plan.basic-care-missing', message: '方案应包含基础托管服务：自愿报名的学生都能参加，不设名额。', citation, path: 'items' });
  }
  content.items.forEach((item, index) => {
    if (item.kind === 'basic' && item.capacity !== undefined) {
      issues.push({ ruleId: 'plan.basic-care-capacity', message: '基础托管不得拒绝学生参加，不能设名额上限。', citation, path: `items.${index}.capacity` });
    }
  });
  return issues;
}

/** External staff, like outside providers, come in only once vetted (the profile's vetting clause). */
function staffIssues(profile: PolicyProfile, content: PlanContent): PlanIssue[] {
  const issues: PlanIssue[] = [];
  content.staff.forEach((member, index) => {
    const base = `staff.${index}`;
    if (!member.name) issues.push({ ruleId: 'plan.incomplete', message: '请填写姓名。', path: `${base}.name` });
    if (member.kind === 'external' && !member.vetted) {
      issues.push({
        ruleId: 'provider.not-vetted',
        message: `外聘人员「${member.name || '未填写姓名'}」未经审核，不得参与课后服务。`,
        citation: profile.providers.vettingRequired,
        path: `${base}.vetted`,
      });
    }
  });
  return issues;
}

// ---------------------------------------------------------------- what must be disclosed

function completenessIssues(profile: PolicyProfile, content: PlanContent): PlanIssue[] {
  const missing = (path: string, message: string, key?: DisclosureKey): PlanIssue => ({
    ruleId: 'plan.incomplete',
    message,
    path,
    ...(key ? disclosureCitation(profile, key) : {}),
  });
  const issues: PlanIssue[] = [];
  if (!content.schedules.length) issues.push(missing('schedules', '请填写服务时间。', 'service-time'));
  if (!content.safety.measures) issues.push(missing('safety.measures', '请填写安全措施（考勤、看护、交接、门卫登记等）。', 'safety-measures'));
  if (!content.safety.emergencyPlan) issues.push(missing('safety.emergencyPlan', '请填写安全应急预案。', 'safety-measures'));
  if (!content.pickup.arrangement) issues.push(missing('pickup.arrangement', '请填写放学接送安排。'));
  if (!content.staff.length) issues.push(missing('staff', '请填写课后服务人员名单。', 'staff'));
  if (!content.funding) issues.push(missing('funding', '请填写经费来源与使用。', 'expenditure'));
  return issues;
}

function disclosureCitation(profile: PolicyProfile, key: DisclosureKey): { citation?: Citation } {
  const item = profile.disclosureItems.find((d) => d.key === key);
  return item ? { citation: item.citation } : {};
}

// ---------------------------------------------------------------- filing package

/** Whether any item is run by someone other than the school's own staff. */
export function hasExternalProviders(content: PlanContent): boolean {
  const providers = new Map(content.providers.map((p) => [p.id, p]));
  return content.items.some((item) => {
    const provider = providers.get(item.providerId);
    return !!provider && provider.type !== 'staff';
  });
}

function filingIssues(profile: PolicyProfile, content: PlanContent): PlanIssue[] {
  const attached = new Set(content.attachments.map((a) => a.key));
  return filingDocuments(profile, { hasExternalProviders: hasExternalProviders(content) })
    .filter((document) => !attached.has(document.key))
    .map((document) => ({
      ruleId: 'filing.missing-document',
      message: `备案材料「${document.label}」尚未上传。`,
      citation: document.citation,
      path: `attachments.${document.key}`,
    }));
}

function fromViolation(v: Violation, path: string): PlanIssue {
  return { ruleId: v.ruleId, message: v.message, citation: v.citation, path };
}
