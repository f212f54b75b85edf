import type { AgreementTemplateDoc } from '@kehou/shared';
import { type ActionContext, findById } from '@kehou/shared/cloud';
import { currentTemplate } from '@kehou/shared/enrollment/server';

export { currentTemplate };

export const templateId = (schoolId: string, termId: string, version: number) => `${schoolId}:${termId}:v${version}`;

export const templateById = (ctx: ActionContext, id: string) => findById<AgreementTemplateDoc>(ctx, 'agreementTemplates', id);
