import { citationsOf } from '../core/citation';
import { since, type Unit } from '../core/parameter';
import { STAGES } from '../domain';
import { defineProfile } from './types';

const cite = citationsOf('綦江府办发〔2020〕41号');
const PUBLISHED = '2020-10-28';
const param = <T>(value: T, unit: Unit, section: string, quote: string) => since(PUBLISHED, value, unit, cite(section, quote));

const NO_DISCRIMINATION_OF_GROUPS = cite(
  '三(二)',
  '学校要切实保障残疾儿童、留守儿童、流动人口随迁子女、建档立卡贫困户、低保家庭儿童和中低年级学生等亟需服务群体',
);
const TEN_PROHIBITIONS_TEACHING = cite('四(四)', '严禁把课后服务演变为学科类集体教学、集体补课或奥数等竞赛培训');
const OPENNESS = cite('二(三)', '主动向家长公开服务方式、服务内容、安全措施、费用标准等事项');

export const qijiang2020 = defineProfile({
  id: 'qijiang-2020',
  name: '重庆市綦江区（2020）',
  document: {
    title: '重庆市綦江区中小学生课后服务工作实施方案',
    citeAs: '綦江府办发〔2020〕41号',
    issuer: '重庆市綦江区人民政府办公室',
    inForce: { from: PUBLISHED },
    seedFile: '000_e94059a04293ea19.txt',
  },
  stages: { value: STAGES, citation: cite('三(二)', '校内课后服务对象是指本区内自愿接受课后服务的在校中小学生') },
  fees: {
    model: {
      kind: 'per-period',
      ratePerPeriodFen: param(200, 'fen/period', '四(二)', '按每生每课时2元标准收费'),
      // 中学 covers junior, junior-final and senior alike.
      termCapFen: param(
        { primary: 60_000, junior: 80_000, 'junior-final': 80_000, senior: 80_000 },
        'fen/term',
        '四(二)',
        '小学每生每期收费最高不超过600元，中学每生每期收费最高不超过800元',
      ),
      weeklySettlement: cite('四(二)', '中途参加或退出课后服务的学生，以周为单位据实结算'),
    },
    // The cap is per student per term (每生每期): one notice per child per term keeps it whole.
    billingPeriod: { value: 'term', citation: cite('四(二)', '小学每生每期收费最高不超过600元') },
    exemptions: {
      fullExemption: {
        value: ['registered-poor', 'subsistence'],
        citation: cite('四(二)', '对建档立卡贫困户和低保家庭儿童免课后服务费用'),
      },
      schoolReduction: { value: 'other-hardship', citation: cite('四(二)', '其他贫困学生适当减免课后服务费') },
      governmentSharePercent: null,
    },
    // 五: the school's plan is filed for review and the service may start only after the review
    // passes; a fee for a service that may not yet run cannot be issued either.
    chargingRequiresApprovedPlan: { value: true, citation: cite('五', '并按时向区教委书面备案审查，审查合格后方可实施') },
    chargingRequiresDisclosure: { value: false, citation: OPENNESS },
  },
  refunds: { kind: 'settle-by-week', citation: cite('四(二)', '中途参加或退出课后服务的学生，以周为单位据实结算') },
  schedule: {
    schoolDaysOnly: cite('三(一)', '校内课后服务时间原则上为上学日下午正常放学后'),
    serviceTimes: null,
    minimumExerciseMinutes: null,
  },
  content: {
    forbidden: {
      'subject-teaching': TEN_PROHIBITIONS_TEACHING,
      'competition-training': TEN_PROHIBITIONS_TEACHING,
      commercial: cite('四(四)', '严禁在课后服务时段“搭车”开展商业活动'),
    },
    homeworkForbidden: cite('四(四)', '严禁增加学生作业量和加重学生课业负担'),
  },
  providers: {
    vettingRequired: cite('四(四)', '严禁未按程序审核的机构和个人入校提供课后服务'),
    blacklistForbidden: cite('四(四)', '严禁有不良记录的机构和人员参与课后服务'),
    whiteListRequired: null,
    forProfitForbidden: null,
  },
  budget: null,
  disclosureItems: [
    { key: 'service-time', label: '服务时间', citation: cite('三(五)', '公开服务时间、服务方式、服务内容、安全保障措施等') },
    { key: 'service-method', label: '服务方式', citation: OPENNESS },
    { key: 'service-content', label: '服务内容', citation: OPENNESS },
    { key: 'safety-measures', label: '安全措施', citation: OPENNESS },
    { key: 'fee-standard', label: '费用标准', citation: OPENNESS },
  ],
  filing: {
    authority: '区教委',
    everyTerm: false,
    reviewBeforeStart: true,
    documents: [
      {
        key: 'plan',
        label: '本校课后服务工作具体方案',
        citation: cite('五', '学校要结合实际制定本校课后服务工作具体方案'),
      },
    ],
    deadlineWorkingDaysAfterTermStart: null,
    citation: cite('五', '并按时向区教委书面备案审查，审查合格后方可实施'),
  },
  reports: [],
  basicCareRefusable: { value: false, citation: NO_DISCRIMINATION_OF_GROUPS },
  managementRules: null,
});
