import { citationsOf } from '../core/citation';
import { since, type Unit } from '../core/parameter';
import { defineProfile } from './types';

const cite = citationsOf('2024年XX市义务教育阶段学校（中小学）课后服务实施方案');
// The document gives no day of publication, only the year and "有效期为3年" (八): read as the
// calendar years 2024–2026.
const PUBLISHED = '2024-01-01';
const EXPIRES = '2026-12-31';
const param = <T>(value: T, unit: Unit, section: string, quote: string) => since(PUBLISHED, value, unit, cite(section, quote));

const FREE = cite('二(三)', '由学生及家长自愿选择参加，有关经费由政府保障，学校不得向家长收取或变相收取');
const NO_MAKE_UP_LESSONS = cite('五(三)', '不得统一补课或变相统一补课');
const TENDER_AND_FILING = cite('五(二)', '实行社会机构招标或校外教师聘任公示及报备制度');

export const xxcity2024 = defineProfile({
  id: 'xxcity-2024',
  name: 'XX市（2024）',
  document: {
    title: '2024年XX市义务教育阶段学校（中小学）课后服务实施方案',
    citeAs: '2024年XX市义务教育阶段学校（中小学）课后服务实施方案',
    issuer: 'XX市',
    inForce: { from: PUBLISHED, to: EXPIRES },
    seedFile: '003_c4966f9fcdc8a054.txt',
  },
  stages: { value: ['primary', 'junior', 'junior-final'], citation: cite('三(一)', '义务教育阶段公、民办学校所有在籍学生') },
  fees: {
    model: { kind: 'free', citation: FREE },
    billingPeriod: { value: 'none', citation: FREE },
    exemptions: { fullExemption: null, schoolReduction: null, governmentSharePercent: null },
    chargingRequiresApprovedPlan: { value: false, citation: FREE },
    chargingRequiresDisclosure: { value: false, citation: FREE },
  },
  refunds: { kind: 'refund-everything', citation: FREE },
  schedule: {
    schoolDaysOnly: cite('三(二)', '原则上为正常上课日的下午，延长两个课时'),
    serviceTimes: null,
    minimumExerciseMinutes: null,
  },
  content: {
    forbidden: {
      'subject-teaching': NO_MAKE_UP_LESSONS,
      'competition-training': NO_MAKE_UP_LESSONS,
      commercial: FREE,
    },
    homeworkForbidden: cite('五(三)', '学校课后服务课程不得给学生布置任何形式的作业'),
  },
  providers: {
    vettingRequired: TENDER_AND_FILING,
    blacklistForbidden: cite('五(二)', '学校遴选社会机构或外聘教师，要把好入口关、监管关、考核关'),
    whiteListRequired: null,
    forProfitForbidden: null,
  },
  budget: {
    perStudentAnnualFen: param(100_000, 'fen/student/year', '六(一)', '各学校课后服务专项经费预算按每生每年1000元标准作为控制数'),
    externalShareMaxPercent: param(50, 'percent', '五(二)', '引入社会机构服务课程不得超过费用总量的50%'),
    // 社会机构 are bodies (nonprofit and company providers); school staff, volunteers and
    // individually engaged outside teachers (外聘教师, 五(二)) are not.
    externalProviderTypes: { value: ['nonprofit', 'company'], citation: cite('五(二)', '引入社会机构服务课程不得超过费用总量的50%') },
  },
  // The document names no term-start notice; parents choose freely (二(三)), which needs time and
  // content, and it names two public listings of its own: external staff and last year's spending.
  disclosureItems: [
    { key: 'free-of-charge', label: '免费说明：经费由政府保障，不向家长收取任何费用', citation: FREE },
    { key: 'service-time', label: '服务时间', citation: cite('三(二)', '原则上为正常上课日的下午，延长两个课时') },
    { key: 'service-content', label: '服务内容', citation: cite('二(三)', '由学生及家长自愿选择参加') },
    { key: 'staff', label: '社会机构招标及校外教师聘任情况', citation: TENDER_AND_FILING },
    {
      key: 'expenditure',
      label: '上年度课后服务经费支出情况',
      citation: cite('六(三)', '于年度财务封账至下一年3月前，将上年度课后服务经费支出情况进行公示'),
    },
  ],
  filing: {
    authority: '区教育行政部门',
    everyTerm: false,
    reviewBeforeStart: false,
    documents: [
      {
        key: 'external-appointments',
        label: '社会机构招标或校外教师聘任报备材料',
        citation: TENDER_AND_FILING,
        whenExternalProviders: true,
      },
    ],
    deadlineWorkingDaysAfterTermStart: null,
    citation: TENDER_AND_FILING,
  },
  reports: [
    {
      key: 'annual-expenditure',
      label: '上年度课后服务经费支出情况公示',
      due: ['03-01'],
      dueInclusive: false,
      citation: cite('六(三)', '于年度财务封账至下一年3月前，将上年度课后服务经费支出情况进行公示'),
    },
  ],
  basicCareRefusable: { value: false, citation: cite('三(一)', '义务教育阶段公、民办学校所有在籍学生') },
  managementRules: null,
});
