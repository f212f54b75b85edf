import { emptyPlanContent, planContentSchema } from './content-schema';
import { uploadAttachmentSchema } from './schemas';
import { validContent } from './test-fixtures';

describe('the plan content schema', () => {
  it('accepts a complete plan and an empty draft', () => {
    expect(planContentSchema.safeParse(validContent()).success).toBe(true);
    expect(planContentSchema.safeParse(emptyPlanContent(['primary', 'junior'])).success).toBe(true);
  });

  it('nothing is pre-selected for parents in a new plan: no items, no clubs', () => {
    expect(emptyPlanContent(['primary']).items).toEqual([]);
  });

  it.each([
    ['unknown field', { ...validContent(), surprise: 1 }],
    ['bad time', { ...validContent(), schedules: [{ ...validContent().schedules[0], end: '25:00' }] }],
    ['weekend', { ...validContent(), schedules: [{ ...validContent().schedules[0], weekdays: [6] }] }],
    ['duplicate item id', { ...validContent(), items: [validContent().items[0], validContent().items[0]] }],
    ['unknown category', { ...validContent(), items: [{ ...validContent().items[0], category: 'magic' }] }],
    ['attachment not in cloud storage', { ...validContent(), attachments: [{ key: 'plan', name: 'a.pdf', fileId: 'http://evil' }] }],
    ['negative cost', { ...validContent(), items: [{ ...validContent().items[0], costFen: -1 }] }],
  ])('refuses %s', (_name, content) => {
    expect(planContentSchema.safeParse(content).success).toBe(false);
  });
});

describe('attachment upload input', () => {
  const base = { schoolId: 's', termId: 't', key: 'plan', fileName: '方案.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') };
  it('accepts documents and scans', () => {
    expect(uploadAttachmentSchema.safeParse(base).success).toBe(true);
  });
  it.each([
    ['an executable', { fileName: 'x.exe' }],
    ['a path in the name', { fileName: '../x.pdf' }],
    ['not base64', { contentBase64: '<<<>>>' }],
    ['over 2 MB', { contentBase64: 'A'.repeat(3 * 1024 * 1024) }],
  ])('refuses %s', (_name, patch) => {
    expect(uploadAttachmentSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});

describe('periods per day (qijiang 000 四(二): 2 元每生每课时)', () => {
  it('is optional, a whole number from 1 to 8', async () => {
    const { stageScheduleSchema } = await import('./content-schema');
    const day = { stage: 'primary', weekdays: [1, 2, 3, 4, 5], start: '15:30', end: '17:30', blocks: [] };
    expect(stageScheduleSchema.safeParse(day).success).toBe(true);
    expect(stageScheduleSchema.safeParse({ ...day, periodsPerDay: 2 }).success).toBe(true);
    expect(stageScheduleSchema.safeParse({ ...day, periodsPerDay: 0 }).success).toBe(false);
    expect(stageScheduleSchema.safeParse({ ...day, periodsPerDay: 2.5 }).success).toBe(false);
  });
});
