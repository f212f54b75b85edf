import { Signer } from './signing';

/** getTempFileURL: a link lasts a day by default and at most (WeChat's rule). */
export const MAX_LINK_SECONDS = 86_400;

export type LinkCheck = 'ok' | 'expired' | 'invalid';

/**
 * Links to stored files, as getTempFileURL hands them out: `/files/<path>?expires=<unix s>&sign=…`.
 * The signature covers the path, the expiry and the openid of the caller the function gave the
 * link to, so the link opens only for that signed-in person, and only until it expires.
 */
export class FileLinks {
  private readonly signer: Signer;

  constructor(secret: Buffer) {
    this.signer = new Signer(secret, 'file-link');
  }

  link(urlPath: string, openid: string, maxAgeSeconds = MAX_LINK_SECONDS, now = Date.now()): string {
    const seconds = Math.max(1, Math.min(MAX_LINK_SECONDS, Math.floor(maxAgeSeconds)));
    const expires = Math.floor(now / 1000) + seconds;
    return `${urlPath}?expires=${expires}&sign=${this.signer.sign(`${urlPath}\n${expires}\n${openid}`)}`;
  }

  check(urlPath: string, expires: string | null, sign: string | null, openid: string | null, now = Date.now()): LinkCheck {
    if (!expires || !sign || !openid || !/^\d+$/.test(expires)) return 'invalid';
    if (!this.signer.verify(`${urlPath}\n${expires}\n${openid}`, sign)) return 'invalid';
    return Number(expires) * 1000 > now ? 'ok' : 'expired';
  }
}
