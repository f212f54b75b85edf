import { DEMO, startTestCloud, type TestCloud } from '../support/runtime';
import { addFamilies, adminApprove, applyFor, approvedApplication, listAndFix, SCHOOL, TERM, teacherPass } from './enrollment-fixtures';

let cloud: TestCloud;
beforeEach(async () => {
  cloud = await startTestCloud();
});
afterEach(() => cloud.close());

const CALLIGRAPHY = { days: [3], itemIds: ['basic-care', 'club-calligraphy'] };
const roster = async () =>
  (await cloud.db.collection('clubSeats').doc(`${TERM}:club-calligraphy`).get()).data as {
    seats: { applicationId: string }[];
    waiting: { applicationId: string }[];
  };
const placement = async (openid: string, applicationId: string) =>
  (await cloud.ok(openid, 'enrollment', 'getApplication', { applicationId })).items.find((i: any) => i.itemId === 'club-calligraphy');

describe('club places: approval order, a waiting list, never overbooked', () => {
  it('5 concurrent approvals for the last place of 书法社 (capacity 2): one place, four on the waiting list 1…4', async () => {
    const families = await addFamilies(cloud, 6);
    const ids: string[] = [];
    for (const [openid, studentId] of families) {
      const { application } = await applyFor(cloud, openid, studentId, CALLIGRAPHY);
      await teacherPass(cloud, application.applicationId);
      ids.push(application.applicationId);
    }
    await adminApprove(cloud, ids[0]);

    const answers = await Promise.all(ids.slice(1).map((id) => adminApprove(cloud, id)));
    const places = answers.map((a) => a.placements[0]);
    expect(places.filter((p: any) => p.placement === 'placed')).toHaveLength(1);
    expect(
      places
        .filter((p: any) => p.placement === 'waiting')
        .map((p: any) => p.position)
        .sort(),
    ).toEqual([1, 2, 3, 4]);

    const { seats, waiting } = await roster();
    expect(seats).toHaveLength(2);
    expect(waiting).toHaveLength(4);
    expect(new Set([...seats, ...waiting].map((p) => p.applicationId)).size).toBe(6);

    // Each parent sees their own position; the school sees the club full.
    for (const [i, entry] of waiting.entries()) {
      const family = families[ids.indexOf(entry.applicationId)];
      expect(await placement(family[0], entry.applicationId)).toMatchObject({ placement: 'waiting', waitingPosition: i + 1 });
    }
    const queue = await cloud.ok(DEMO.admin, 'enrollment', 'getSchoolQueue', { schoolId: SCHOOL });
    expect(queue.clubs.find((c: any) => c.itemId === 'club-calligraphy')).toEqual({
      itemId: 'club-calligraphy',
      name: '书法社',
      capacity: 2,
      taken: 2,
      waiting: 4,
    });
    // The basic care service has no capacity: every child is in.
    const { rows } = await cloud.ok(DEMO.admin, 'enrollment', 'listSchoolApplications', { schoolId: SCHOOL, limit: 50 });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: any) => r.items.find((i: any) => i.itemId === 'basic-care').placement === 'basic')).toBe(true);
  });

  it('concurrent applications from different children for the last place never overbook either', async () => {
    const families = await addFamilies(cloud, 4);
    const ids = await Promise.all(
      families.map(([openid, studentId]) => applyFor(cloud, openid, studentId, CALLIGRAPHY).then((a) => a.application.applicationId as string)),
    );
    await Promise.all(ids.map((id) => teacherPass(cloud, id)));
    await Promise.all(ids.map((id) => adminApprove(cloud, id)));
    const { seats, waiting } = await roster();
    expect(seats).toHaveLength(2);
    expect(waiting).toHaveLength(2);
  });

  it('when a place frees (withdrawal approved), the first on the waiting list moves up at once and is told', async () => {
    const families = await addFamilies(cloud, 4);
    const ids: string[] = [];
    for (const [openid, studentId] of families) ids.push(await approvedApplication(cloud, openid, studentId, CALLIGRAPHY));
    expect((await roster()).waiting.map((p) => p.applicationId)).toEqual([ids[2], ids[3]]);

    await listAndFix(cloud);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await cloud.ok(families[0][0], 'enrollment', 'withdrawApplication', { applicationId: ids[0], effectiveDate: today });
    // While the withdrawal waits for the school, the place is still the child's.
    expect((await roster()).seats.map((p) => p.applicationId)).toContain(ids[0]);
    const decided = await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: ids[0], decision: 'approve' });
    expect(decided.promoted).toEqual([ids[2]]);

    const { seats, waiting } = await roster();
    expect(seats.map((p) => p.applicationId).sort()).toEqual([ids[1], ids[2]].sort());
    expect(waiting.map((p) => p.applicationId)).toEqual([ids[3]]);
    expect(await placement(families[2][0], ids[2])).toMatchObject({ placement: 'placed' });
    expect(await placement(families[3][0], ids[3])).toMatchObject({ placement: 'waiting', waitingPosition: 1 });
    expect((await cloud.sent(families[2][0])).at(-1)?.data.thing3.value).toMatch(/书法社有空余名额/);
  });

  it('a child on the waiting list who withdraws leaves the list; the others move up a position', async () => {
    const families = await addFamilies(cloud, 4);
    const ids: string[] = [];
    for (const [openid, studentId] of families) ids.push(await approvedApplication(cloud, openid, studentId, CALLIGRAPHY));
    await listAndFix(cloud);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await cloud.ok(families[2][0], 'enrollment', 'withdrawApplication', { applicationId: ids[2], effectiveDate: today });
    const decided = await cloud.ok(DEMO.admin, 'enrollment', 'decideWithdrawal', { applicationId: ids[2], decision: 'approve' });
    expect(decided.promoted).toEqual([]);
    expect(await placement(families[3][0], ids[3])).toMatchObject({ placement: 'waiting', waitingPosition: 1 });
  });

  it('the same application approved twice at once takes one place', async () => {
    const [[openid, studentId]] = await addFamilies(cloud, 1);
    const { application } = await applyFor(cloud, openid, studentId, CALLIGRAPHY);
    await teacherPass(cloud, application.applicationId);
    const answers = await Promise.all(
      [1, 2].map(() => cloud.call(DEMO.admin, 'enrollment', 'approveApplication', { applicationId: application.applicationId, revision: 2 })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect((await roster()).seats).toHaveLength(1);
  });
});
