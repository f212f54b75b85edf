import { brokenRuleIds } from '../core/violation';
import { scheduleInput } from '../test-support';
import { checkSchedule } from './check-schedule';

describe('checkSchedule', () => {
  it('004 三(二), 三(三), 四(三)1: reports every schedule and content rule the day breaks', () => {
    const violations = checkSchedule(
      scheduleInput({
        policy: 'suifenhe-2021',
        stage: 'primary',
        date: '2021-10-16',
        start: '15:00',
        end: '18:00',
        blocks: [
          { category: 'subject-teaching', minutes: 90 },
          { category: 'competition-training', minutes: 30 },
          { category: 'commercial', minutes: 30 },
          { category: 'sports', minutes: 20 },
        ],
      }),
    );
    expect(brokenRuleIds(violations).sort()).toEqual([
      'content.commercial',
      'content.competition-training',
      'content.subject-teaching',
      'schedule.end-too-late',
      'schedule.exercise-too-short',
      'schedule.not-school-day',
      'schedule.start-time',
    ]);
    expect(violations.find((v) => v.ruleId === 'content.commercial')?.path).toBe('blocks[2].category');
  });

  it('001 三2: a compliant yueyang day is allowed', () => {
    expect(
      checkSchedule(
        scheduleInput({
          policy: 'yueyang-2019',
          stage: 'primary',
          date: '2020-10-13',
          start: '16:00',
          end: '17:50',
          blocks: [
            { category: 'homework', minutes: 60 },
            { category: 'arts', minutes: 50 },
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('every violation carries a Chinese message and a citation', () => {
    const violations = checkSchedule(
      scheduleInput({
        policy: 'qijiang-2020',
        stage: 'junior',
        date: '2020-11-14',
        start: '16:00',
        end: '18:00',
        blocks: [{ category: 'subject-teaching', minutes: 120 }],
      }),
    );
    expect(violations).toHaveLength(2);
    for (const v of violations) {
      expect(v.message).toMatch(/[\u4e00-\u9fff]/);
      expect(v.citation.doc).toBe('綦江府办发〔2020〕41号');
    }
  });
});
