import type { PlanContent } from '../domain/plan';

/**
 * What a publication keeps of the approved plan: everything parents are told, nothing of the
 * filing package (contracts and licences go to the bureau only, and may name people).
 */
export function toPublicContent(content: PlanContent): PlanContent {
  return {
    ...content,
    providers: content.providers.map(({ agreementFileId: _a, licenceFileId: _l, ...provider }) => provider),
    attachments: [],
  };
}
