import { APPLICATION_STEPS, applicationProgress } from './progress';

describe('the road of an application', () => {
  it('has the six steps a parent follows', () => {
    expect(APPLICATION_STEPS).toEqual(['提交', '班主任初审', '学校审核', '公示', '签署协议', '生效']);
  });

  it('each status is at its step, saying what comes next', () => {
    expect(applicationProgress({ status: 'submitted' })).toMatchObject({ current: 2, yourTurn: false });
    expect(applicationProgress({ status: 'teacher-reviewed' }).current).toBe(3);
    expect(applicationProgress({ status: 'returned' })).toMatchObject({ current: 1, yourTurn: true });
    expect(applicationProgress({ status: 'approved' }).current).toBe(4);
    expect(applicationProgress({ status: 'listed', listFixed: true })).toMatchObject({ current: 5, yourTurn: true });
    expect(applicationProgress({ status: 'signed' }).next).toContain('独自回家证');
    expect(applicationProgress({ status: 'active' })).toMatchObject({ current: 7, yourTurn: false });
    expect(applicationProgress({ status: 'active', needsResign: true }).yourTurn).toBe(true);
    expect(applicationProgress({ status: 'withdrawn' }).current).toBe(0);
  });

  it('a listing names its end in China time', () => {
    // 16:30 UTC is 00:30 the next day in China.
    const until = new Date(Date.UTC(2030, 2, 4, 16, 30)).toISOString();
    expect(applicationProgress({ status: 'listed', listedUntil: until })).toMatchObject({ current: 4, next: expect.stringContaining('3月5日 00:30') });
  });
});
