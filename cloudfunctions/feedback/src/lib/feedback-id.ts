import { createHash } from 'node:crypto';

/** Natural key of a submission, hashed so that the id shown to the committee reveals no openid. */
export function feedbackIdOf(openid: string, requestId: string): string {
  return 'fb-' + createHash('sha256').update(`${openid}:${requestId}`).digest('hex').slice(0, 32);
}
