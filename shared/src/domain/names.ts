import { z } from 'zod';
import { cleanLine } from './text';

/**
 * A person's name (child, guardian, pick-up adult): Chinese characters, letters (any script, with
 * their accents), the middle dot of names such as 买买提·艾力 and single spaces between words.
 * Emoji, digits and other symbols are refused with a message saying what a name may hold: a
 * contract is signed with this name and a class teacher reads it on a list.
 */
export const NAME_RULE = '只能包含汉字、字母、间隔号「·」和空格，不能有表情、数字或符号';
export const MAX_NAME_LENGTH = 30;

/** The dots people type for the middle dot of a name (full-width, katakana, bullet, hyphenation point), read as 「·」. */
const DOTS = /[\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u318d\u16eb\u0387]/g;
const NAME = /^[\p{L}\p{M}]+(?:[ ·][\p{L}\p{M}]+)*$/u;

/**
 * A name as stored: cleaned of control, bidi and zero-width characters (a newline or U+202E typed or
 * pasted in is dropped, not refused: text.ts), trimmed, runs of spaces as one, every kind of middle
 * dot as 「·」 with no space around it.
 */
export function normalizePersonName(raw: string): string {
  return cleanLine(raw)
    .normalize('NFC')
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(DOTS, '·')
    .replace(/ ?· ?/g, '·');
}

export function isPersonName(raw: string): boolean {
  const name = normalizePersonName(raw);
  return name.length > 0 && Array.from(name).length <= MAX_NAME_LENGTH && NAME.test(name);
}

/** Why a name is refused, or null when it is fine. `what` names the field: 「孩子姓名」. */
export function personNameProblem(raw: string, what = '姓名'): string | null {
  const name = normalizePersonName(raw);
  if (!name) return `请填写${what}`;
  if (Array.from(name).length > MAX_NAME_LENGTH) return `${what}不能超过 ${MAX_NAME_LENGTH} 个字`;
  if (!NAME.test(name)) return `${what}${NAME_RULE}`;
  return null;
}

/** The schema of a name field: normalised, then checked; `what` is its Chinese label and starts each message. */
export function personNameSchema(what = '姓名') {
  return z
    .string({ required_error: `请填写${what}`, invalid_type_error: `请填写${what}` })
    .transform(normalizePersonName)
    .superRefine((name, ctx) => {
      const problem = personNameProblem(name, what);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    })
    .describe(what);
}

/** How a guardian or pick-up adult is related to the child (妈妈, 外婆, 姑姑): the same characters as a name, at most 10. */
export function relationSchema(what = '关系') {
  return z
    .string({ required_error: `请填写${what}`, invalid_type_error: `请填写${what}` })
    .transform(normalizePersonName)
    .superRefine((relation, ctx) => {
      if (!relation) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `请填写${what}` });
      else if (Array.from(relation).length > 10) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what}不能超过 10 个字` });
      else if (!NAME.test(relation)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${what}${NAME_RULE}` });
    })
    .describe(what);
}
