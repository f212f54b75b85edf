import {
  answerInspectionInput,
  type BureauDashboard,
  type BureauSchoolDetail,
  bureauSchoolInput,
  recordInspectionInput,
  refreshSummariesInput,
  reportFilingInput,
  type SupervisionNoteView,
} from '../bureau/types';
import { emptyInput } from '../domain/inputs';
import { allow, holderOf } from './access';
import { action, defineContract, returns } from './define';

const REVIEWERS = '只有教育局审核员可以查看辖区看板';
const REVIEWER = '只有主管教育局的审核员可以查看和督导这所学校';
const ADMIN = '只有本校管理员可以答复督导记录、报送报告';
const ADMIN_OR_REVIEWER = '只有本校管理员或主管教育局的审核员可以查看督导记录';

/** 教育局: the dashboard over the bureau's schools, supervision notes, reports handed in (cloudfunctions/bureau). */
export const bureauContract = defineContract('bureau', {
  getDashboard: action({ input: emptyInput, access: holderOf(['reviewer'], REVIEWERS), returns: returns<BureauDashboard & { missing: number }>() }),
  refreshSummaries: action({
    input: refreshSummariesInput,
    access: holderOf(['reviewer'], REVIEWERS),
    returns: returns<{ refreshed: string[]; remaining: number }>(),
  }),
  exportDashboard: action({
    input: emptyInput,
    access: holderOf(['reviewer'], REVIEWERS),
    returns: returns<{ fileId: string; fileName: string; url: string; rows: number }>(),
  }),
  getSchoolDetail: action({ input: bureauSchoolInput, access: allow(['reviewer'], 'school', REVIEWER), returns: returns<BureauSchoolDetail>() }),
  recordInspection: action({ input: recordInspectionInput, access: allow(['reviewer'], 'school', REVIEWER), returns: returns<SupervisionNoteView>() }),
  answerInspection: action({ input: answerInspectionInput, access: allow(['admin'], 'school', ADMIN), returns: returns<SupervisionNoteView>() }),
  listInspections: action({
    input: bureauSchoolInput,
    access: allow(['admin', 'reviewer'], 'school', ADMIN_OR_REVIEWER),
    returns: returns<SupervisionNoteView[]>(),
  }),
  fileReport: action({ input: reportFilingInput, access: allow(['admin'], 'school', ADMIN), returns: returns<{ filingId: string; alreadyFiled: boolean }>() }),
});
