import { APPLICATION_STATUS_SHORT, APPLICATION_STATUSES, type ApplicationEvent, type ApplicationStatus, type TransitionFacts, transition } from './status';

const ok = (from: ApplicationStatus, event: ApplicationEvent, facts?: TransitionFacts) => {
  const result = transition(from, event, facts);
  if (!result.ok) throw new Error(`${from} --${event}--> refused: ${result.message}`);
  return result.to;
};
const refused = (from: ApplicationStatus, event: ApplicationEvent, facts?: TransitionFacts) => {
  const result = transition(from, event, facts);
  if (result.ok) throw new Error(`${from} --${event}--> ${result.to} should be refused`);
  return result.message;
};

describe('the enrolment state machine (000 §四(四), 004 §三(六))', () => {
  it('the whole way: submitted → teacher-reviewed → approved → listed → signed/active', () => {
    expect(ok('submitted', 'teacher-pass')).toBe('teacher-reviewed');
    expect(ok('teacher-reviewed', 'school-approve')).toBe('approved');
    expect(ok('approved', 'post-list')).toBe('listed');
    expect(ok('listed', 'sign', { listFixed: true })).toBe('active');
  });

  it('the class teacher can only pass or send back a submitted application', () => {
    expect(ok('submitted', 'teacher-return')).toBe('returned');
    for (const from of APPLICATION_STATUSES.filter((s) => s !== 'submitted')) {
      refused(from, 'teacher-pass');
      refused(from, 'teacher-return');
    }
  });

  it('the school reviews only after the class teacher, and can only approve or send back', () => {
    expect(ok('teacher-reviewed', 'school-return')).toBe('returned');
    expect(refused('submitted', 'school-approve')).toBe('班主任尚未审核这份报名');
    for (const from of APPLICATION_STATUSES.filter((s) => s !== 'teacher-reviewed')) {
      refused(from, 'school-approve');
      refused(from, 'school-return');
    }
  });

  it('no review can refuse: no event leads from a review to anything but passed or returned', () => {
    const reviewOutcomes = new Set<ApplicationStatus>();
    for (const event of ['teacher-pass', 'teacher-return', 'school-approve', 'school-return'] as const) {
      for (const from of APPLICATION_STATUSES) {
        const result = transition(from, event);
        if (result.ok) reviewOutcomes.add(result.to);
      }
    }
    expect([...reviewOutcomes].sort()).toEqual(['approved', 'returned', 'teacher-reviewed']);
  });

  it('only approved applications are posted to the public list', () => {
    for (const from of APPLICATION_STATUSES.filter((s) => s !== 'approved')) refused(from, 'post-list');
  });

  it('signing waits for the list to be fixed after the listing period', () => {
    expect(refused('listed', 'sign', { listFixed: false })).toMatch(/公示期/);
    expect(refused('approved', 'sign', { listFixed: true })).toMatch(/公示并确定后/);
    expect(refused('active', 'sign', { listFixed: true })).toBe('协议已经签署');
  });

  it('a child who goes home alone is active only once the permit is signed too', () => {
    expect(ok('listed', 'sign', { listFixed: true, permitOutstanding: true })).toBe('signed');
    expect(refused('signed', 'activate', { permitOutstanding: true })).toBe('请先签署独自回家证');
    expect(ok('signed', 'activate', { permitOutstanding: false })).toBe('active');
    refused('listed', 'activate');
  });

  it('a returned or withdrawn application can be submitted again (joining mid-term follows the normal flow)', () => {
    expect(ok('returned', 'resubmit')).toBe('submitted');
    expect(ok('withdrawn', 'resubmit')).toBe('submitted');
    for (const from of APPLICATION_STATUSES.filter((s) => s !== 'returned' && s !== 'withdrawn')) refused(from, 'resubmit');
  });

  it('before approval the parent cancels; after approval the parent applies to withdraw', () => {
    for (const from of ['submitted', 'teacher-reviewed', 'returned'] as const) {
      expect(ok(from, 'cancel')).toBe('withdrawn');
      refused(from, 'request-withdrawal');
    }
    for (const from of ['approved', 'listed', 'signed', 'active'] as const) {
      expect(ok(from, 'request-withdrawal')).toBe('withdrawal-requested');
      expect(refused(from, 'cancel')).toMatch(/申请退出/);
    }
    refused('withdrawn', 'request-withdrawal');
    refused('withdrawal-requested', 'request-withdrawal');
  });

  it('the school approves a withdrawal, or declines it and the application is as it was', () => {
    expect(ok('withdrawal-requested', 'approve-withdrawal')).toBe('withdrawn');
    expect(ok('withdrawal-requested', 'reject-withdrawal', { statusBeforeWithdrawal: 'active' })).toBe('active');
    expect(ok('withdrawal-requested', 'reject-withdrawal', { statusBeforeWithdrawal: 'listed' })).toBe('listed');
    refused('withdrawal-requested', 'reject-withdrawal', { statusBeforeWithdrawal: 'submitted' });
    refused('active', 'approve-withdrawal');
    refused('active', 'reject-withdrawal', { statusBeforeWithdrawal: 'active' });
  });

  it('every refusal is a Chinese sentence and every short label fits a subscription message phrase', () => {
    expect(refused('withdrawn', 'teacher-pass')).toMatch(/[\u4e00-\u9fa5]/);
    for (const status of APPLICATION_STATUSES) expect(Array.from(APPLICATION_STATUS_SHORT[status]).length).toBeLessThanOrEqual(5);
  });
});
