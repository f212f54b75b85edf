import { z } from 'zod';
import { EDITABLE_SECTIONS, type EditableSection, SECTION_HEADINGS } from '../agreement/types';
import type { RulesAdopter } from '../policy/profiles/types';
import { isoDateSchema } from '../policy/schemas';

/**
 * 管理制度: the school's management rules, the part of the agreement that sets rights and duties
 * (its editable sections). The school proposes a version, the parent committee adopts it and the
 * school records the staff congress's adoption (004 §四(三)3). Versions are never changed: a new
 * text is a new version. Every version and its adoptions are public.
 */
export interface RulesAdoption {
  /** China date of the meeting that adopted it. */
  date: string;
  note: string;
  recordedAt: string;
}

/** `rules:${schoolId}:v${version}` */
export interface ManagementRulesDoc {
  _id: string;
  schoolId: string;
  version: number;
  sections: Record<EditableSection, string>;
  /** sha256 of the sections' texts in order: the agreement published must state exactly this. */
  textHash: string;
  proposedAt: string;
  adoptions: Partial<Record<RulesAdopter, RulesAdoption>>;
}

export const rulesIdOf = (schoolId: string, version: number) => `rules:${schoolId}:v${version}`;

/** The texts in a fixed order, as hashed. */
export const rulesText = (sections: Record<EditableSection, string>) => JSON.stringify(EDITABLE_SECTIONS.map((k) => [k, sections[k].trim()]));

export interface RulesVersionView {
  version: number;
  proposedAt: string;
  sections: { key: EditableSection; heading: string; body: string }[];
  adoptions: { by: RulesAdopter; label: string; date: string; note: string }[];
  /** Every body the profile names has adopted it. */
  adopted: boolean;
}

export interface RulesOverview {
  schoolName: string;
  /** The bodies the school's profile asks to adopt the rules (empty: none asked). */
  required: { by: RulesAdopter; label: string }[];
  citation: { doc: string; section: string; quote?: string } | null;
  versions: RulesVersionView[];
}

const id = z.string().min(1).max(120);
const text = z.string().trim().min(10, '每部分至少写 10 个字').max(3000, '每部分请不要超过 3000 字');

export const proposeRulesInput = z
  .object({
    schoolId: id.describe('学校'),
    sections: z
      .object(Object.fromEntries(EDITABLE_SECTIONS.map((k) => [k, text.describe(SECTION_HEADINGS[k])])) as Record<EditableSection, typeof text>)
      .strict()
      .describe('管理制度'),
  })
  .strict();

export const adoptRulesInput = z
  .object({
    schoolId: id.describe('学校'),
    version: z.number().int().min(1).describe('版本'),
    date: isoDateSchema.describe('通过日期'),
    note: z.string().trim().max(300, '说明请不要超过 300 字').default('').describe('说明'),
  })
  .strict();

export const rulesRefInput = z.object({ schoolId: id.describe('学校') }).strict();
