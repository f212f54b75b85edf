import { sha256 } from '../agreement/sha256';

/**
 * The handle a class teacher uses to decide a binding request. A guardianship's id is
 * `${studentId}:${openid}`; the teacher needs neither the parent's openid nor a guessable id,
 * so the request carries this opaque reference instead.
 */
export function bindingRef(guardianshipId: string): string {
  return 'b-' + sha256(`binding:${guardianshipId}`).slice(0, 24);
}
