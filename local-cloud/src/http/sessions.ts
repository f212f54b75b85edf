import { Signer } from './signing';

export const SESSION_COOKIE = 'kehou_session';
const SESSION_DAYS = 7;

/**
 * The local sign-in: a cookie `<openid>.<expires>.<signature>` signed with the data folder's key.
 * A cookie someone wrote by hand, or one for another openid, fails the signature; the server also
 * checks the openid is still a demo user.
 */
export class Sessions {
  private readonly signer: Signer;

  constructor(secret: Buffer) {
    this.signer = new Signer(secret, 'session');
  }

  /** The cookie value for `openid`, valid for a week from `now`. */
  issue(openid: string, now = Date.now()): string {
    const body = `${Buffer.from(openid).toString('base64url')}.${Math.floor(now / 1000) + SESSION_DAYS * 86_400}`;
    return `${body}.${this.signer.sign(body)}`;
  }

  /** The openid of a valid, unexpired cookie value; null for anything else. */
  openidOf(value: string, now = Date.now()): string | null {
    const parts = value.split('.');
    if (parts.length !== 3) return null;
    const [encoded, expires, signature] = parts;
    if (!this.signer.verify(`${encoded}.${expires}`, signature)) return null;
    if (!/^\d+$/.test(expires) || Number(expires) * 1000 <= now) return null;
    return Buffer.from(encoded, 'base64url').toString('utf8') || null;
  }

  static cookie(value: string): string {
    return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${SESSION_DAYS * 86_400}; SameSite=Lax; HttpOnly`;
  }

  static readonly cleared = `${SESSION_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly`;
}
