import { diffPlanContent } from './diff';
import { validContent } from './test-fixtures';

describe('comparing two versions of a plan', () => {
  it('no change, no lines', () => {
    expect(diffPlanContent(validContent(), validContent())).toEqual([]);
  });

  it('names what changed in words, items matched by id', () => {
    const before = validContent();
    const after = validContent();
    after.items[1] = { ...after.items[1], capacity: 25, weekdays: [2, 4] };
    after.items.push({
      id: 'club-art',
      kind: 'club',
      name: '美术社',
      category: 'arts',
      description: '',
      weekdays: [3],
      capacity: 15,
      providerId: 'prov-school',
      staffIds: [],
      costFen: 0,
      assignsHomework: false,
    });
    after.staff = after.staff.filter((s) => s.id !== 'staff-b');
    after.schedules[0].end = '17:45';
    after.safety.measures = '每日考勤，门卫登记，校门口交接';
    const changes = diffPlanContent(before, after);
    expect(changes.map((c) => `${c.kind} ${c.label}${c.before !== undefined && c.after !== undefined ? `: ${c.before} → ${c.after}` : ''}`)).toEqual([
      'changed 服务时间（小学） · 结束时间: 17:30 → 17:45',
      'changed 服务项目「围棋社」 · 开展日: 周二 → 周二、周四',
      'changed 服务项目「围棋社」 · 名额: 20 人 → 25 人',
      'changed 服务项目「围棋社」 · 服务人员: 李老师 → staff-b',
      'added 服务项目「美术社」',
      'removed 服务人员「李老师」',
      'changed 安全措施: 每日考勤，门卫登记 → 每日考勤，门卫登记，校门口交接',
    ]);
  });

  it('attachments by filing document', () => {
    const before = validContent({ attachments: [{ key: 'plan', name: '方案.pdf', fileId: 'cloud://a' }] });
    const after = validContent({
      attachments: [
        { key: 'plan', name: '方案（修改）.pdf', fileId: 'cloud://b' },
        { key: 'funding', name: '经费.pdf', fileId: 'cloud://c' },
      ],
    });
    expect(diffPlanContent(before, after).map((c) => `${c.kind}:${c.path}`)).toEqual(['changed:attachments.plan', 'added:attachments.funding']);
  });
});
