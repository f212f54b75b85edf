import { citationsOf } from '../core/citation';
import { since, type Unit } from '../core/parameter';
import { defineProfile, type ServiceTimes } from './types';

const cite = citationsOf('岳教体发〔2019〕11号');
const IN_FORCE = '2019-09-01';
const param = <T>(value: T, unit: Unit, section: string, quote: string) => since(IN_FORCE, value, unit, cite(section, quote));

const TERM_START_NOTICE = cite('二2', '每学期初需主动向家长告知开展校内课后服务的服务时间、服务方式、服务内容、安全措施、收费事项、费用开支等工作方案');
const FILING = cite('五2', '在春季、秋季开学后10个工作日内报当地教育主管部门备案');
const FILING_CONTENTS = cite(
  '五2',
  '报备材料包括：服务实施方案、项目及收费明细、设施设备和管理人员配备、临聘人员劳动合同或劳务协议及安全应急预案、服务人员劳务报酬发放标准、经费筹措与管理使用等情况',
);
const FILING_EXTERNAL = cite('五2', '报备材料须增加学校与公益组织或社会机构签订的协议、公益组织或社会机构合法设立的证照或文件复印件等');
const NO_GROUP_TEACHING = cite('二3', '坚决防止将课后服务变相成为集体教学或“补课”');

const SAME_FOR_ALL: ServiceTimes = { latestEnd: '18:00', latestEndInWinter: '17:30' };

export const yueyang2019 = defineProfile({
  id: 'yueyang-2019',
  name: '湖南省岳阳市（2019）',
  document: {
    title: '岳阳市教育体育局关于做好中小学生校内课后服务工作的实施意见',
    citeAs: '岳教体发〔2019〕11号',
    issuer: '岳阳市教育体育局',
    inForce: { from: IN_FORCE },
    seedFile: '001_8c580dd5952aca98.txt',
  },
  stages: { value: ['primary', 'junior', 'junior-final'], citation: cite('三1', '义务教育阶段在校学生') },
  fees: {
    model: { kind: 'per-term', oncePerTerm: cite('六2', '每生每期只收取一次费用') },
    billingPeriod: { value: 'term', citation: cite('六2', '每生每期只收取一次费用') },
    exemptions: {
      fullExemption: null,
      // Free help for learning-difficulty and poor students is encouraged, not required: the
      // school grants it as a reduction (100 % = free) to the students it chooses.
      schoolReduction: { value: 'any-student', citation: cite('三3', '提倡对个别学习困难的学生、贫困学生给予免费辅导帮助') },
      governmentSharePercent: null,
    },
    chargingRequiresApprovedPlan: { value: true, citation: cite('五2', '学校校内课后服务工作方案须经审核同意后方可收费') },
    chargingRequiresDisclosure: { value: false, citation: TERM_START_NOTICE },
  },
  refunds: { kind: 'no-method', citation: cite('六2', '每生每期只收取一次费用') },
  schedule: {
    schoolDaysOnly: cite('三2', '一般从周一至周五（节假日除外）下午放学后开始'),
    serviceTimes: param(
      { primary: SAME_FOR_ALL, junior: SAME_FOR_ALL, 'junior-final': SAME_FOR_ALL, senior: SAME_FOR_ALL },
      'HH:mm',
      '三2',
      '结束时间原则上不晚于18:00（执行冬季作息时间不晚于17:30）',
    ),
    minimumExerciseMinutes: null,
  },
  content: {
    forbidden: {
      'subject-teaching': NO_GROUP_TEACHING,
      'competition-training': cite('六5', '对成建制上课的、以各种形式变相集体教学或补课的，发现一起，查处一起'),
      commercial: cite('二4', '坚持公益导向，不得营利'),
    },
    homeworkForbidden: cite('二3', '不得因此增加学生课业负担'),
  },
  providers: {
    vettingRequired: cite('六5', '加强对参与课后服务的社会机构资质审核和监督管理工作'),
    blacklistForbidden: cite('四3', '引入具有专业资质和良好社会声誉的社会机构参与校内课后服务工作'),
    whiteListRequired: null,
    forProfitForbidden: null,
  },
  budget: null,
  disclosureItems: [
    { key: 'service-time', label: '服务时间', citation: TERM_START_NOTICE },
    { key: 'service-method', label: '服务方式', citation: TERM_START_NOTICE },
    { key: 'service-content', label: '服务内容', citation: TERM_START_NOTICE },
    { key: 'safety-measures', label: '安全措施', citation: TERM_START_NOTICE },
    { key: 'fee-standard', label: '收费事项', citation: TERM_START_NOTICE },
    { key: 'expenditure', label: '费用开支', citation: TERM_START_NOTICE },
  ],
  filing: {
    authority: '当地教育主管部门',
    everyTerm: true,
    // Filing happens after the term (and the service) has started; what waits for the review is
    // charging (see fees.chargingRequiresApprovedPlan).
    reviewBeforeStart: false,
    documents: [
      { key: 'plan', label: '服务实施方案', citation: FILING_CONTENTS },
      { key: 'items-and-fees', label: '项目及收费明细', citation: FILING_CONTENTS },
      { key: 'facilities-and-staff', label: '设施设备和管理人员配备', citation: FILING_CONTENTS },
      { key: 'temporary-staff-contracts', label: '临聘人员劳动合同或劳务协议', citation: FILING_CONTENTS },
      { key: 'safety-emergency-plan', label: '安全应急预案', citation: FILING_CONTENTS },
      { key: 'staff-pay-standard', label: '服务人员劳务报酬发放标准', citation: FILING_CONTENTS },
      { key: 'funding', label: '经费筹措与管理使用情况', citation: FILING_CONTENTS },
      {
        key: 'external-agreements',
        label: '学校与公益组织或社会机构签订的协议',
        citation: FILING_EXTERNAL,
        whenExternalProviders: true,
      },
      {
        key: 'external-licences',
        label: '公益组织或社会机构合法设立的证照或文件复印件',
        citation: FILING_EXTERNAL,
        whenExternalProviders: true,
      },
    ],
    deadlineWorkingDaysAfterTermStart: since(IN_FORCE, 10, 'working-days', FILING),
    citation: cite('五2', '各中小学拟定的课后服务工作方案一期一报备'),
  },
  reports: [
    {
      key: 'semiannual-report',
      label: '课后服务工作情况报市教育体育局',
      due: ['06-30', '12-31'],
      dueInclusive: true,
      citation: cite('六5', '于每年6月30日和12月31日报市教育体育局基础教育科'),
    },
  ],
  basicCareRefusable: { value: false, citation: cite('二2', '严禁以任何方式拒绝学生参与') },
  managementRules: null,
});
