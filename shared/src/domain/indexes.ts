import type { CollectionName } from './collections';

/**
 * The database indexes: one for every query of a school- or class-wide view, so no view scans a
 * collection of a 3,000-child school. Create them in the cloud console (数据库 → 集合 → 索引管理) as
 * listed here, fields in this order, all ascending unless said; the local runtime creates them on
 * start. `tests/integration/indexes.test.ts` records every query the functions make and fails on
 * one no index here covers.
 */
export interface IndexSpec {
  collection: CollectionName;
  /** The fields in order, each ascending or descending. */
  fields: readonly (readonly [string, 'asc' | 'desc'])[];
  /** The views that query by it. */
  why: string;
}

const asc = (...fields: string[]) => fields.map((f) => [f, 'asc'] as const);

const desc = (field: string) => [[field, 'desc'] as const];
const STAFF_ORDER = ['className', 'studentName'];

export const INDEXES: readonly IndexSpec[] = [
  // enrolment: the school's and the class's desks, lists page by page, bulk decisions, tasks
  { collection: 'applications', fields: asc('schoolId', 'termId', 'status', ...STAFF_ORDER), why: '学校报名列表（按状态分页）、各状态计数' },
  { collection: 'applications', fields: asc('classId', 'termId', 'status', ...STAFF_ORDER), why: '班级报名列表（按状态分页）、各状态计数、班主任待办' },
  { collection: 'applications', fields: asc('classId', 'termId', ...STAFF_ORDER), why: '按班级查看全部报名' },
  { collection: 'applications', fields: asc('schoolId', 'termId', 'status', 'updatedAt'), why: '学校批量审核：按审核顺序取下一批' },
  { collection: 'applications', fields: asc('classId', 'termId', 'status', 'updatedAt'), why: '学校按班级批量审核' },
  { collection: 'hardshipDeclarations', fields: asc('schoolId', 'termId'), why: '困难申报（仅教职工）' },
  { collection: 'listings', fields: [...asc('schoolId', 'termId'), ...desc('postedAt')], why: '公示批次（最新在前）' },
  { collection: 'clubSeats', fields: asc('termId'), why: '社团名额' },
  { collection: 'guardianships', fields: asc('classId', 'status'), why: '班主任待确认的绑定' },
  { collection: 'guardianships', fields: asc('schoolId', 'status'), why: '学校的监护人（通知、班主任本人的绑定）' },
  { collection: 'guardianships', fields: asc('studentId', 'status'), why: '孩子的监护人（通知）' },
  { collection: 'guardianships', fields: asc('openid', 'status'), why: '家长自己的孩子' },
  { collection: 'guardianships', fields: asc('ref'), why: '绑定申请的对外编号' },
  { collection: 'guardianContacts', fields: asc('studentId'), why: '花名册联系人' },
  { collection: 'students', fields: asc('schoolId'), why: '花名册导入：学校已有的学生' },
  { collection: 'classes', fields: asc('schoolId', 'name'), why: '学校的班级' },
  { collection: 'classes', fields: asc('bindCode'), why: '家长凭班级码绑定' },
  { collection: 'terms', fields: asc('schoolId', 'current'), why: '当前学期' },
  // plans and disclosure
  { collection: 'schools', fields: asc('bureauId'), why: '教育局的学校（审核队列）' },
  { collection: 'plans', fields: asc('schoolId'), why: '学校的方案' },
  { collection: 'planVersions', fields: asc('planId'), why: '方案历史' },
  { collection: 'publications', fields: asc('schoolId', 'termId', 'current'), why: '公开方案' },
  // agreements
  { collection: 'agreementTemplates', fields: [...asc('schoolId', 'termId', 'current'), ...desc('version')], why: '当前协议模板' },
  { collection: 'signatures', fields: asc('applicationId'), why: '一份报名的签署记录' },
  { collection: 'signatures', fields: asc('schoolId', 'termId', 'kind'), why: '报告：签署统计' },
  // attendance and fees
  { collection: 'attendance', fields: asc('schoolId', 'termId', 'date'), why: '考勤（计费、报告）' },
  { collection: 'feeNotices', fields: asc('schoolId', 'termId', 'periodKey'), why: '一期的收费通知' },
  { collection: 'feeNotices', fields: asc('schoolId', 'termId', 'classId'), why: '班级的收费情况' },
  { collection: 'feeNotices', fields: asc('studentId'), why: '家长的收费通知' },
  { collection: 'feeBillingRuns', fields: asc('schoolId', 'termId'), why: '计费批次' },
  { collection: 'payments', fields: asc('noticeId'), why: '一份通知的支付' },
  { collection: 'payments', fields: asc('schoolId', 'termId'), why: '专账' },
  { collection: 'refunds', fields: asc('schoolId', 'termId'), why: '退费' },
  { collection: 'refundPayouts', fields: asc('schoolId', 'termId'), why: '退费出账' },
  { collection: 'spending', fields: asc('schoolId', 'date'), why: '支出记录' },
  // messages: the queue, sent in batches by the timer; each parent's consents
  { collection: 'messageQueue', fields: asc('kind', 'status', 'at'), why: '消息队列：按时间取待发的一批（学校、班级的提醒）' },
  { collection: 'messageQueue', fields: asc('touser', 'kind', 'at'), why: '一个人的消息' },
  { collection: 'messageConsents', fields: asc('openid'), why: '家长订阅消息的授权' },
  // parent committee
  { collection: 'feedback', fields: [...asc('schoolId'), ...desc('createdAt')], why: '家委会意见列表' },
  { collection: 'feedback', fields: [...asc('authorOpenid'), ...desc('createdAt')], why: '家长自己的意见' },
  // the service day, jobs, committee and bureau (added when the branches met: the index test listed these queries)
  { collection: 'applications', fields: asc('listingId'), why: 'applications where {listingId}' },
  { collection: 'attendance', fields: asc('classId', 'date'), why: 'attendance where {classId, date}' },
  { collection: 'dutySignups', fields: asc('schoolId', 'status', 'date'), why: 'dutySignups where {date, schoolId, status} orderBy date' },
  { collection: 'dutySignups', fields: asc('openid', 'date'), why: 'dutySignups where {openid} orderBy date' },
  { collection: 'gateChecks', fields: asc('date', 'sweep'), why: 'gateChecks where {date, sweep}' },
  { collection: 'gateChecks', fields: asc('date', 'schoolId'), why: 'gateChecks where {date, schoolId}' },
  { collection: 'handovers', fields: asc('classId', 'date'), why: 'handovers where {classId, date}' },
  { collection: 'handovers', fields: asc('date', 'flagged', 'schoolId'), why: 'handovers where {date, flagged, schoolId}' },
  { collection: 'handovers', fields: asc('date', 'studentId'), why: 'handovers where {date, studentId}' },
  { collection: 'jobs', fields: asc('kind', 'schoolId', 'state', 'termId'), why: 'jobs where {kind, schoolId, state, termId}' },
  { collection: 'leaves', fields: asc('classId', 'dates'), why: 'leaves where {classId, dates}' },
  { collection: 'leaves', fields: asc('dates', 'studentId'), why: 'leaves where {dates, studentId}' },
  { collection: 'leaves', fields: asc('from', 'studentId', 'to'), why: 'leaves where {from, studentId, to}' },
  { collection: 'managementRules', fields: asc('schoolId', 'textHash'), why: 'managementRules where {schoolId, textHash}' },
  { collection: 'managementRules', fields: asc('schoolId', 'version'), why: 'managementRules where {schoolId} orderBy version' },
  { collection: 'schoolSummaries', fields: asc('bureauId'), why: 'schoolSummaries where {bureauId}' },
  { collection: 'shiftHandovers', fields: asc('classId', 'date'), why: 'shiftHandovers where {classId, date}' },
  { collection: 'shiftHandovers', fields: asc('date', 'mismatch', 'schoolId'), why: 'shiftHandovers where {date, mismatch, schoolId}' },
  { collection: 'supervisionNotes', fields: asc('schoolId'), why: 'supervisionNotes where {schoolId}' },
  { collection: 'supervisionNotes', fields: asc('schoolId', 'date'), why: 'supervisionNotes where {schoolId} orderBy date' },
  { collection: 'surveyAnswers', fields: asc('hasComment', 'surveyId', 'updatedAt'), why: 'surveyAnswers where {hasComment, surveyId} orderBy updatedAt' },
  { collection: 'surveyTallies', fields: asc('surveyId'), why: 'surveyTallies where {surveyId}' },
  { collection: 'surveys', fields: asc('schoolId', 'termStart'), why: 'surveys where {schoolId} orderBy termStart' },
  {
    collection: 'feeNotices',
    fields: [...asc('schoolId', 'termId'), ...desc('periodKey'), ...asc('className', 'studentName'), ...desc('sequence')],
    why: '学校的收费通知：一页（按班级、期间筛选）',
  },
  { collection: 'feedback', fields: [...asc('schoolId', 'status'), ...desc('createdAt')], why: '家委会意见列表：按状态分页、各状态计数' },
  { collection: 'feePreviews', fields: asc('previewId', 'run', 'kind', 'sortKey'), why: '收费预览：一页（按班级、状态筛选）、各班未记考勤的日子' },
];

/** An index's console name: its fields joined, as `schoolId_termId_status`. */
export const indexName = (index: IndexSpec) => index.fields.map(([field, direction]) => (direction === 'desc' ? `${field}_desc` : field)).join('_');

/** How many of a query's equality fields may be left to filter the rows the index found. */
const RESIDUAL_FIELDS_MAX = 2;

/**
 * Whether some index serves a query: the index's leading fields are all fields the query matches
 * exactly (or by a range it also sorts by), at most two of the query's fields are left to filter
 * what it finds, and the query's sort fields come next in the index, in order (a final `_id` is
 * the tie-break and needs no place). A query naming `_id` goes by the primary key.
 */
export function queryCovered(
  query: { collection: string; fields: readonly string[]; sort: readonly string[] },
  indexes: readonly IndexSpec[] = INDEXES,
): boolean {
  const sort = query.sort.at(-1) === '_id' ? query.sort.slice(0, -1) : [...query.sort];
  const equal = query.fields.filter((f) => !sort.includes(f));
  if (equal.includes('_id')) return true;
  if (!equal.length && !sort.length) return false;
  return indexes.some((index) => {
    if (index.collection !== query.collection) return false;
    const names = index.fields.map(([field]) => field);
    let prefix = 0;
    while (prefix < names.length && equal.includes(names[prefix])) prefix++;
    if (prefix === 0 && equal.length) return false;
    if (equal.length - prefix > RESIDUAL_FIELDS_MAX) return false;
    return sort.every((f, i) => names[prefix + i] === f);
  });
}
