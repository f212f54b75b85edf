import { type ZodIssue, type ZodTypeAny, z } from 'zod';
import { fieldLabel } from './labels';

/**
 * zod's issues in plain Chinese, each naming its field by its Chinese label (labels.ts): the cloud
 * functions answer bad input with `describeIssues`, and a form shows `fieldErrors` under its
 * fields, from the same schema and the same words.
 */
export function describeIssues(issues: ZodIssue[], schema?: ZodTypeAny): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const label = schema && issue.path.length ? fieldLabel(schema, issue.path) : undefined;
      const message = issueMessage(issue);
      // A message that already names its field (「请填写收款方」) needs no label in front.
      return label && !message.includes(label) ? `「${label}」${message}` : message;
    })
    .join('；');
}

/** One message per field path (`pickup.pickers.0.phone`), the first issue of each: what a form shows under the field. */
export function fieldErrors(issues: ZodIssue[], schema?: ZodTypeAny): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.join('.');
    if (key in errors) continue;
    const message = issueMessage(issue);
    const label = schema && issue.path.length ? fieldLabel(schema, issue.path) : undefined;
    errors[key] = HAS_CHINESE_MESSAGE(issue) || !label ? message : `${label}${message}`;
  }
  return errors;
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;
const HAS_CHINESE_MESSAGE = (issue: ZodIssue) => HAS_CHINESE.test(issue.message);

export function issueMessage(issue: ZodIssue): string {
  // A schema's own Chinese message says it best.
  if (HAS_CHINESE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return issue.received === 'undefined' ? '必须填写' : '格式不正确';
    case z.ZodIssueCode.too_small:
      return issue.type === 'string' ? `至少需要 ${issue.minimum} 个字` : issue.type === 'array' ? `至少选择 ${issue.minimum} 项` : `不能小于 ${issue.minimum}`;
    case z.ZodIssueCode.too_big:
      return issue.type === 'string' ? `不能超过 ${issue.maximum} 个字` : issue.type === 'array' ? `最多 ${issue.maximum} 项` : `不能大于 ${issue.maximum}`;
    case z.ZodIssueCode.invalid_enum_value:
      return '不是可选的值';
    case z.ZodIssueCode.invalid_string:
      return '格式不正确';
    case z.ZodIssueCode.unrecognized_keys:
      return `包含不认识的字段：${issue.keys.join('、')}`;
    case z.ZodIssueCode.custom:
      return issue.message;
    default:
      return '填写有误';
  }
}
