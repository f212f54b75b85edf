/** The host names the local server always answers to. */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** `KEHOU_ALLOWED_HOSTS=school-pc.local,192.168.1.20`: further host names, set explicitly. */
export function allowedHostsFromEnv(value = process.env.KEHOU_ALLOWED_HOSTS ?? ''): string[] {
  return value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

/** The host name of a Host header (`localhost:8080` → `localhost`, `[::1]:80` → `[::1]`). */
export function hostName(header: string): string {
  const host = header.trim().toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.split(':')[0];
}

/**
 * Whether a request's Host header names this server. A page elsewhere cannot reach it by pointing a
 * name of its own at 127.0.0.1 (DNS rebinding): the browser would send that name.
 */
export function isAllowedHost(header: string | undefined, extra: readonly string[] = []): boolean {
  if (!header) return false;
  const name = hostName(header);
  return LOOPBACK_HOSTS.includes(name) || extra.includes(name);
}

/** An Origin header (present on cross-site and on fetch POSTs) must be this server too. */
export function isAllowedOrigin(origin: string | undefined, extra: readonly string[] = []): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isAllowedHost(url.host, extra);
  } catch {
    return false;
  }
}
