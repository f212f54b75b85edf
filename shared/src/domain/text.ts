import { z } from 'zod';

/**
 * Text people type, cleaned on input: control characters (a newline in a name), bidirectional
 * overrides and isolates (U+202E turns「王小明」around on screen) and zero-width characters (two
 * names that look the same but differ) never reach the database or another person's screen.
 */

/** C0 and C1 controls, DEL; tab and newline are handled apart (see cleanText). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Bidi marks, embeddings, overrides and isolates (LRM, RLM, ALM, LRE…RLO, LRI…PDI). */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Zero-width space, joiners, word joiner, invisible operators, BOM, soft hyphen. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/g;

/**
 * One line (a name, a relation, a topic): every control, bidi and zero-width character removed,
 * line breaks and tabs become a space, runs of spaces collapse, ends trimmed.
 */
export function cleanLine(text: string): string {
  return text
    .replace(/[\t\r\n\u2028\u2029\u0085]+/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(INVISIBLE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * Free text (a reason, a note, feedback): as cleanLine, but line breaks are kept (at most two in a
 * row, as \n) so a parent can write paragraphs.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(INVISIBLE, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const cleaned = (clean: (text: string) => string) => (value: unknown) => (typeof value === 'string' ? clean(value) : value);

interface TextLimits {
  min?: number;
  max: number;
  /** The message when it is too short (or empty), in Chinese. */
  minMessage?: string;
  maxMessage?: string;
}

function limited(schema: z.ZodString, { min, max, minMessage, maxMessage }: TextLimits): z.ZodString {
  const withMin = min ? schema.min(min, minMessage ?? `至少需要 ${min} 个字`) : schema;
  return withMin.max(max, maxMessage ?? `不能超过 ${max} 个字`);
}

/** A one-line text field (name, relation, topic), cleaned by cleanLine before its limits are checked. */
export function lineSchema(limits: TextLimits) {
  return z.preprocess(cleaned(cleanLine), limited(z.string(), limits));
}

/** A free-text field (reason, note, feedback), cleaned by cleanText before its limits are checked. */
export function freeTextSchema(limits: TextLimits) {
  return z.preprocess(cleaned(cleanText), limited(z.string(), limits));
}
