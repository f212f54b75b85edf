import { describeIssues, fieldLabel, unlabelledFields } from '@kehou/shared';
import { CONTRACTS } from '@kehou/shared/contracts';
import { applyInput, bindChildInput, returnApplicationInput } from '@kehou/shared/enrollment/schemas';

/**
 * Every field of every action's input has a Chinese label, so a refusal names the field in
 * Chinese (「退回原因」), never by its key (「reason」). A new field without one fails here with
 * the action, the field and where to add the label.
 */
const every = Object.values(CONTRACTS).flatMap((contract) =>
  Object.entries(contract.actions).map(([name, spec]) => ({ action: `${contract.name}.${name}`, input: spec.input })),
);

describe('Chinese labels of input fields', () => {
  it('walks every action of every contract', () => {
    expect(every.length).toBeGreaterThan(40);
  });

  it.each(every)('$action: every input field has a Chinese label', ({ action, input }) => {
    const missing = unlabelledFields(input).map(
      ({ path, key }) =>
        `${action}: field 「${path}」 has no Chinese label — add .describe('中文名') where the field is declared, or add "${key}" to COMMON_LABELS in shared/src/domain/labels.ts`,
    );
    expect(missing).toEqual([]);
  });

  it('the walker finds a field without a label, inside lists and unions', () => {
    const { z } = require('zod') as typeof import('zod');
    const schema = z.object({
      applicationId: z.string(),
      comments: z.string(),
      pickup: z.discriminatedUnion('mode', [z.object({ mode: z.literal('a'), people: z.array(z.object({ shoeSize: z.number() })).describe('接送人') })]),
    });
    expect(unlabelledFields(schema).map((f) => f.path)).toEqual(['comments', 'pickup', 'pickup.mode', 'pickup.people[].shoeSize']);
  });

  it('a refusal names each field in Chinese, list items by number', () => {
    const returned = returnApplicationInput.safeParse({ applicationId: 'a', revision: 0, reason: 'x' });
    expect(returned.success).toBe(false);
    const text = describeIssues(returned.error?.issues ?? [], returnApplicationInput);
    expect(text).toContain('退回');
    expect(text).not.toMatch(/reason/);

    const bind = bindChildInput.safeParse({ studentName: '🌸王小明', studentNo: '', bindCode: 'AB', guardianName: '朱妈妈', relation: '妈妈' });
    const bindText = describeIssues(bind.error?.issues ?? [], bindChildInput);
    expect(bindText).toContain('孩子姓名只能包含汉字');
    expect(bindText).toContain('「学号」至少需要 1 个字');
    expect(bindText).toContain('「班级绑定码」至少需要 4 个字');
    expect(bindText).not.toMatch(/[A-Za-z]{4,}/);

    expect(fieldLabel(applyInput, ['pickup', 'pickers', 1, 'phone'])).toBe('第 2 个接送人的手机号');
    expect(fieldLabel(applyInput, ['itemIds', 0])).toBe('第 1 个服务项目');
    expect(fieldLabel(applyInput, ['studentId'])).toBe('学生');
  });
});
