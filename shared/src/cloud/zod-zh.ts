import { type ZodIssue, z } from 'zod';

/** Turns zod's issues into one plain Chinese sentence, naming the field. */
export function describeIssues(issues: ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const field = issue.path.length ? `「${issue.path.join('.')}」` : '';
      return `${field}${issueMessage(issue)}`;
    })
    .join('；');
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

function issueMessage(issue: ZodIssue): string {
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
