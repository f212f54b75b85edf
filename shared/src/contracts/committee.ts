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
import { allow } from './access';
import { action, defineContract, returns } from './define';

const SURVEY_STAFF = '只有本校管理员和家委会成员可以发起、结束和查看满意度调查';
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
});
