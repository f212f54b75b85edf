import { citationsOf } from '../core/citation';
import { since, type Unit } from '../core/parameter';
import { STAGES } from '../domain';
import { defineProfile } from './types';

const cite = citationsOf('关于做好绥芬河市中小学生课后服务工作的实施意见');
const PUBLISHED = '2021-03-29';
const TRIAL_FROM = '2021-04-01';
const TRIAL_TO = '2022-02-28';
const param = <T>(value: T, unit: Unit, section: string, quote: string) => since(PUBLISHED, value, unit, cite(section, quote));

const LISTED_BEFORE_CHARGING = cite('三(五)3(1)', '收费标准、退费办法要进行公示，未经公示不得收费');
const TOLD_TO_PARENTS = cite('二(五)', '学校要主动向家长告知服务时间、服务方式、服务内容、安全保障措施、收费事项等');
const NO_GROUP_TEACHING = cite('四(三)1', '坚决防止将课后服务变相成为集体教学或“补课”，严禁“抢进度”、“讲新课”');
const BLACK_WHITE_LIST = cite('四(三)1', '严格审核公益性机构资质，实行课后服务公益性机构黑白名单制度');

export const suifenhe2021 = defineProfile({
  id: 'suifenhe-2021',
  name: '黑龙江省绥芬河市（2021）',
  document: {
    title: '关于做好绥芬河市中小学生课后服务工作的实施意见',
    citeAs: '关于做好绥芬河市中小学生课后服务工作的实施意见',
    issuer: '绥芬河市教育局',
    inForce: { from: PUBLISHED },
    seedFile: '004_d58cd0cabd7b0661.txt',
  },
  stages: { value: STAGES, citation: cite('三(一)', '课后服务的对象为义务教育阶段和高中阶段在校学生') },
  fees: {
    model: {
      kind: 'per-attended-minute',
      ratePerHourFen: param(400, 'fen/hour', '三(五)2', '确定中小学校课后服务收费标准为每生每小时4元'),
      seniorMarkupMaxPercent: param(10, 'percent', '三(五)2', '高中可根据实际情况上浮10%'),
      minimumChargeableMinutesPerDay: param(30, 'minutes/day', '三(五)2', '服务时间超过或不足1小时按此标准进行折算，当天低于30分钟的不得向学生收取费用'),
      monthlyByAttendance: cite('三(五)2', '各中小学每月可根据学生当月实际参加课后服务的时间据实收取'),
    },
    billingPeriod: { value: 'calendar-month', citation: cite('三(五)2', '各中小学每月可根据学生当月实际参加课后服务的时间据实收取') },
    exemptions: {
      fullExemption: {
        value: ['registered-poor', 'subsistence', 'other'],
        citation: cite('三(五)2', '对家庭经济困难学生参加课后服务，建立免收费政策'),
      },
      schoolReduction: null,
      governmentSharePercent: param(50, 'percent', '三(五)2', '免收费额度的50%由市政府统筹解决'),
    },
    // 三(五)3(1) makes the public listing of the fee standard and refund method the precondition
    // for charging; the document sets no review of the school's plan by the bureau.
    chargingRequiresApprovedPlan: { value: false, citation: LISTED_BEFORE_CHARGING },
    chargingRequiresDisclosure: { value: true, citation: LISTED_BEFORE_CHARGING },
  },
  refunds: {
    kind: 'monthly-by-attendance',
    halfRefundMaxAttendedPercent: param(50, 'percent', '三(五)3(2)', '整月未上课的全额退费，未满半月（含半月）课时退半费，超过半月课时、未满一个月课时不退费'),
  },
  schedule: {
    schoolDaysOnly: cite('三(二)', '课后服务一般为正常上课日的下午放学后'),
    serviceTimes: [
      {
        value: {
          primary: { start: '15:30', earliestEnd: '17:30', latestEnd: '17:30' },
          junior: { start: '17:00', earliestEnd: '18:00', latestEnd: '18:00' },
          'junior-final': { start: '17:00', earliestEnd: '18:30', latestEnd: '18:30' },
          senior: { start: '17:00', latestEnd: '20:30' },
        },
        unit: 'HH:mm',
        from: TRIAL_FROM,
        to: TRIAL_TO,
        citation: cite('三(二)', '试行期间(2021年4月1日至2022年2月28日)，小学课后服务时间为15时30分至17时30分'),
      },
      {
        value: {
          primary: { start: '15:30', earliestEnd: '17:30', latestEnd: '18:30' },
          junior: { start: '17:00', latestEnd: '18:30' },
          'junior-final': { start: '17:00', latestEnd: '20:30' },
          senior: { start: '17:00', latestEnd: '20:30' },
        },
        unit: 'HH:mm',
        from: '2022-03-01',
        citation: cite('三(二)1-2', '小学课后服务起始时间为15时30分，结束时间原则上不早于17时30分，不晚于18时30分'),
      },
    ],
    minimumExerciseMinutes: param(30, 'minutes', '三(三)', '学生课后服务期间，要保证至少30分钟体育锻炼时间'),
  },
  content: {
    forbidden: {
      'subject-teaching': NO_GROUP_TEACHING,
      'competition-training': NO_GROUP_TEACHING,
      commercial: cite('二(五)', '坚持公益普惠原则，合理确定运行成本，不得以营利为目的'),
    },
    homeworkForbidden: cite('四(三)2', '不要额外给孩子增加作业或练习'),
  },
  providers: {
    vettingRequired: BLACK_WHITE_LIST,
    blacklistForbidden: BLACK_WHITE_LIST,
    whiteListRequired: { value: ['nonprofit'], citation: BLACK_WHITE_LIST },
    forProfitForbidden: cite('四(三)1', '严禁与校外培训机构进行合作、严禁引入经营性企业或其它以营利为目的的第三方机构'),
  },
  budget: null,
  disclosureItems: [
    { key: 'service-time', label: '服务时间', citation: TOLD_TO_PARENTS },
    { key: 'service-method', label: '服务方式', citation: TOLD_TO_PARENTS },
    { key: 'service-content', label: '服务内容', citation: TOLD_TO_PARENTS },
    { key: 'safety-measures', label: '安全保障措施', citation: TOLD_TO_PARENTS },
    { key: 'fee-standard', label: '收费标准', citation: LISTED_BEFORE_CHARGING, beforeCharging: true },
    { key: 'refund-method', label: '退费办法', citation: LISTED_BEFORE_CHARGING, beforeCharging: true },
    { key: 'staff', label: '课后服务人员', citation: cite('三(四)', '课后服务人员的选定，要通过学校集体讨论确定，并向社会、家长公示') },
  ],
  filing: null,
  reports: [],
  basicCareRefusable: { value: false, citation: cite('三(一)', '优先保障留守儿童、随迁子女、困难家庭学生等亟需服务对象') },
  managementRules: { adoptedBy: ['staff-congress', 'parent-committee'], citation: cite('四(三)3', '经教师代表大会和家长委员会通过后实施') },
});
