/** Local (H5) demo sign-in. In WeChat the caller is known from the WeChat context: no sign-in. */
export interface DemoUser {
  openid: string;
  name: string;
  label: string;
}

export const needsSignIn = () => process.env.TARO_ENV === 'h5';

export async function listDemoUsers(): Promise<DemoUser[]> {
  const response = await fetch('/api/demo-users', { credentials: 'same-origin' });
  return (await response.json()) as DemoUser[];
}

export async function signInAs(openid: string): Promise<void> {
  const response = await fetch('/api/session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  if (!response.ok) throw new Error('登录失败');
}

export async function currentOpenid(): Promise<string | null> {
  if (!needsSignIn()) return 'wechat';
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  return ((await response.json()) as { openid: string | null }).openid;
}

export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE', credentials: 'same-origin' });
}
