import { type DutyRoster, type DutyView, decideDutyInput, dutyNoteInput, dutyRefInput, dutyRosterInput, signUpDutyInput } from '../committee/duty';
import { adoptRulesInput, proposeRulesInput, type RulesOverview, rulesRefInput } from '../committee/rules';
import {
  answerSurveyInput,
  closeSurveyInput,
  openSurveyInput,
  type SurveyForm,
  type SurveyResults,
  type SurveySummary,
  surveyFormInput,
  surveyResultsInput,
} from '../committee/surveys';
import { emptyInput } from '../domain/inputs';
import { allow, anyone, signedIn } from './access';
import { action, defineContract, returns } from './define';

const SURVEY_STAFF = '只有本校管理员和家委会成员可以发起、结束和查看满意度调查';
const RULES_SCHOOL = '只有本校管理员可以提交管理制度、登记教师代表大会的通过';
const RULES_COMMITTEE = '只有本校家委会成员可以代表家长委员会通过管理制度';
const RULES_READ = '只有本校管理员和家委会成员可以查看管理制度的审议';
const SURVEY_FAMILY = '只有孩子已确认的监护人可以填写这份调查';

/** 家委会: term surveys, the management rules the committee adopts, the parents' duty roster (cloudfunctions/committee). */
export const committeeContract = defineContract('committee', {
  openSurvey: action({ input: openSurveyInput, access: allow(['admin', 'committee'], 'school', SURVEY_STAFF), returns: returns<SurveySummary>() }),
  closeSurvey: action({
    input: closeSurveyInput,
    access: allow(['admin', 'committee'], 'school', SURVEY_STAFF),
    also: '调查须属于本校',
    returns: returns<SurveySummary>(),
  }),
  getSurveyResults: action({
    input: surveyResultsInput,
    access: allow(['admin', 'committee'], 'school', SURVEY_STAFF),
    also: '调查须属于本校',
    returns: returns<SurveyResults>(),
  }),
  getSurveyForm: action({ input: surveyFormInput, access: allow(['guardian'], 'student', SURVEY_FAMILY), returns: returns<SurveyForm>() }),
  answerSurvey: action({
    input: answerSurveyInput,
    access: allow(['guardian'], 'student', SURVEY_FAMILY),
    also: '调查须是孩子所在学校的、仍在进行中的调查',
    returns: returns<SurveyForm>(),
  }),
  proposeRules: action({ input: proposeRulesInput, access: allow(['admin'], 'school', RULES_SCHOOL), returns: returns<RulesOverview>() }),
  adoptRules: action({
    input: adoptRulesInput,
    access: allow(['committee'], 'school', RULES_COMMITTEE),
    also: '只能通过最新一版，日期不晚于今天',
    returns: returns<RulesOverview>(),
  }),
  recordStaffCongress: action({
    input: adoptRulesInput,
    access: allow(['admin'], 'school', RULES_SCHOOL),
    also: '只能登记最新一版，日期不晚于今天',
    returns: returns<RulesOverview>(),
  }),
  getRules: action({ input: rulesRefInput, access: allow(['admin', 'committee'], 'school', RULES_READ), returns: returns<RulesOverview>() }),
  getPublicRules: action({ input: rulesRefInput, access: anyone('管理制度及其通过情况向社会公开'), returns: returns<RulesOverview>() }),
  signUpDuty: action({
    input: signUpDutyInput,
    access: signedIn('本校家委会成员和已绑定孩子的家长可以报名到校值班'),
    also: '只有本校家委会成员和已绑定孩子的家长可以报名值班',
    returns: returns<DutyView>(),
  }),
  cancelDuty: action({ input: dutyRefInput, access: signedIn('报名人取消自己的值班'), also: '只能取消自己的报名', returns: returns<DutyView>() }),
  decideDuty: action({ input: decideDutyInput, access: allow(['admin'], 'school', '只有本校管理员可以确认家长值班'), returns: returns<DutyView>() }),
  writeDutyNote: action({ input: dutyNoteInput, access: signedIn('值班的家长写值班记录'), also: '只能为自己已确认的值班写记录', returns: returns<DutyView>() }),
  getDutyRoster: action({
    input: dutyRosterInput,
    access: allow(['admin', 'committee', 'teacher'], 'school', '只有本校管理员、家委会成员和班主任可以查看值班安排'),
    returns: returns<DutyRoster>(),
  }),
  listMyDuties: action({ input: emptyInput, access: signedIn('查看自己报名的值班'), returns: returns<DutyView[]>() }),
});
