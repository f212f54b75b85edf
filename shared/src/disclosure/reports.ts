import { PLAN_STATUS_LABELS } from '../domain/plan';
import { checkPlanUnder, formatCitation, type PolicyProfile, type ProfileId, valueOn } from '../policy';
import { chinaDate } from './dates';
import { yuan } from './fee-text';
import { categoryLabel, describeSchedule, formatWeekdays } from './labels';
import { periodLabel, periodRange } from './report-duties';
import type { PlanRecord, PlanVersion, PublicationRecord, ReportPeriod } from './types';

/** What the database holds about one term, as a report reads it. */
export interface ReportTermData {
  term: { name: string; startDate: string; endDate: string };
  plan: PlanRecord | null;
  versions: PlanVersion[];
  publication: PublicationRecord | null;
  /** Children on the enrolled list (listed, signed or active), in total and per item id. */
  enrolment: { total: number; byItem: Record<string, number> };
}

export interface ReportTable {
  title: string;
  fileName: string;
  rows: (string | number)[][];
}

type Row = (string | number)[];

/** Terms that overlap the period, oldest first. */
export function termsInPeriod<T extends { term: { startDate: string; endDate: string } }>(terms: T[], period: ReportPeriod): T[] {
  const { from, to } = periodRange(period);
  return terms.filter((t) => t.term.startDate <= to && t.term.endDate >= from).sort((a, b) => a.term.startDate.localeCompare(b.term.startDate));
}

const day = (iso: string | null | undefined) => (iso ? chinaDate(new Date(iso)) : '');
const periodKey = (period: ReportPeriod) => `${period.year}${period.half ? `-H${period.half}` : ''}`;

/**
 * yueyang 001 六5: the half-year report to the city bureau (due 30 June and 31 December), from the
 * records 六1 asks every school to keep: each item's head count, content, time and form, plus the
 * filing and disclosure of each term's plan.
 */
export function buildSemiannualReport(profile: PolicyProfile, schoolName: string, period: ReportPeriod, terms: ReportTermData[]): ReportTable {
  const duty = profile.reports.find((r) => r.key === 'semiannual-report');
  const title = `${schoolName}课后服务工作情况报告（${periodLabel(period)}）`;
  const rows: Row[] = [
    ['报告', title],
    ['学校', schoolName],
    ['报告期间', periodLabel(period)],
    ...(duty ? [['依据', `${formatCitation(duty.citation)}：${duty.citation.quote ?? duty.label}`]] : []),
    [],
  ];
  const inPeriod = termsInPeriod(terms, period);
  if (!inPeriod.length) rows.push(['本期间没有学期记录']);
  for (const data of inPeriod) {
    const { plan, publication } = data;
    const approved = data.versions.filter((v) => v.decision === 'approved').sort((a, b) => b.number - a.number)[0];
    const content = publication?.content ?? plan?.content ?? null;
    rows.push(['学期', data.term.name, `${data.term.startDate} 至 ${data.term.endDate}`]);
    rows.push(['方案状态', plan ? PLAN_STATUS_LABELS[plan.status] : '未制定方案']);
    rows.push(['首次提交备案', day(plan?.firstSubmittedAt) || '未提交']);
    rows.push(['提交备案次数', data.versions.length]);
    rows.push(['备案审核通过', approved ? `第 ${approved.number} 次提交，${day(approved.decidedAt)}` : '未通过']);
    rows.push(['公开版本', publication ? `第 ${publication.version} 版，${day(publication.publishedAt)} 公开` : '未公开']);
    rows.push(['参加学生（报名名单）', data.enrolment.total]);
    if (content) {
      for (const schedule of content.schedules) rows.push(['服务时间', describeSchedule(schedule)]);
      rows.push(['项目', '形式', '内容', '开展日', '提供方', '名额', '报名人数']);
      const providers = new Map(content.providers.map((p) => [p.id, p.name]));
      for (const item of content.items) {
        rows.push([
          item.name,
          item.kind === 'basic' ? '基础托管' : '社团',
          categoryLabel(item.category),
          formatWeekdays(item.weekdays),
          providers.get(item.providerId) ?? '',
          item.capacity ?? '不设名额',
          data.enrolment.byItem[item.id] ?? 0,
        ]);
      }
      const external = content.staff.filter((s) => s.kind === 'external').length;
      rows.push(['服务人员', `本校教职工 ${content.staff.length - external} 人，外聘人员 ${external} 人`]);
      rows.push(['安全措施', content.safety.measures]);
    }
    rows.push([]);
  }
  return { title, fileName: `semiannual-report-${periodKey(period)}.csv`, rows };
}

/**
 * xxcity 003 六(三): the previous year's after-school spending, disclosed before March, from the
 * costs recorded in each term's published plan, with the engine's budget checks (六(一), 五(二)).
 */
export function buildSpendingDisclosure(profile: PolicyProfile, schoolName: string, period: ReportPeriod, terms: ReportTermData[]): ReportTable {
  const duty = profile.reports.find((r) => r.key === 'annual-expenditure');
  const title = `${schoolName}${period.year} 年度课后服务经费支出情况公示`;
  const rows: Row[] = [
    ['报告', title],
    ['学校', schoolName],
    ['年度', periodLabel(period)],
    ...(duty ? [['依据', `${formatCitation(duty.citation)}：${duty.citation.quote ?? duty.label}`]] : []),
    ['说明', '费用取自各学期已公开方案中记录的项目费用（按学年计）'],
    [],
  ];
  const inPeriod = termsInPeriod(terms, period);
  if (!inPeriod.length) rows.push(['本年度没有学期记录']);
  for (const data of inPeriod) {
    const content = data.publication?.content ?? null;
    rows.push(['学期', data.term.name, `${data.term.startDate} 至 ${data.term.endDate}`]);
    if (!content) {
      rows.push(['未公开方案，没有费用记录']);
      rows.push([]);
      continue;
    }
    const providers = new Map(content.providers.map((p) => [p.id, p]));
    rows.push(['项目', '提供方', '校内/校外', '费用（元）']);
    let total = 0;
    let external = 0;
    for (const item of content.items) {
      const provider = providers.get(item.providerId);
      const isExternal = !!provider && provider.type !== 'staff';
      total += item.costFen;
      if (isExternal) external += item.costFen;
      rows.push([item.name, provider?.name ?? '', isExternal ? '校外' : '校内', (item.costFen / 100).toFixed(2)]);
    }
    const students = data.enrolment.total || content.expectedStudents;
    rows.push(['合计', '', '', (total / 100).toFixed(2)]);
    rows.push(['其中校外机构和外聘人员', '', '', (external / 100).toFixed(2)]);
    rows.push(['校外占比', total ? `${((external / total) * 100).toFixed(1)}%` : '0%']);
    rows.push(['参与学生', students]);
    if (profile.budget) {
      const on = data.term.startDate;
      rows.push(['每生每年控制数', yuan(valueOn(profile.budget.perStudentAnnualFen, on))]);
      rows.push(['校外课程费用上限', `${valueOn(profile.budget.externalShareMaxPercent, on)}%`]);
    }
    const budget = checkPlanUnder(profile, {
      policy: profile.id as ProfileId,
      students,
      date: data.term.startDate,
      activities: content.items.map((item) => {
        const provider = providers.get(item.providerId);
        return {
          name: item.name,
          category: 'club',
          assignsHomework: false,
          provider: { type: provider?.type ?? 'staff', vetted: true, list: null },
          costFen: item.costFen,
        };
      }),
    }).filter((v) => v.ruleId.startsWith('budget.'));
    rows.push(['预算检查', budget.length ? budget.map((v) => `${v.message}（${formatCitation(v.citation)}）`).join('；') : '符合预算控制要求']);
    rows.push([]);
  }
  return { title, fileName: `annual-expenditure-${periodKey(period)}.csv`, rows };
}

/** The report builders by the profile's report key. */
export const REPORT_BUILDERS: Record<string, typeof buildSemiannualReport> = {
  'semiannual-report': buildSemiannualReport,
  'annual-expenditure': buildSpendingDisclosure,
};
