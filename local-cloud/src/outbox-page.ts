import type { OutboxEntry } from './outbox';

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>订阅消息发件箱</title>
<style>body{font-family:sans-serif;margin:16px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:6px;font-size:14px;vertical-align:top}</style>
</head><body><h1>订阅消息发件箱（本地）</h1>${body}</body></html>`;

/** A plain page listing the subscription messages the signed-in person may read, newest first. */
export function renderOutbox(entries: OutboxEntry[]): string {
  const rows = [...entries]
    .reverse()
    .map(
      (e) => `<tr><td>${escapeHtml(e.sentAt)}</td><td>${escapeHtml(e.touser)}</td><td>${escapeHtml(e.templateId)}</td>
<td>${Object.entries(e.data)
        .map(([k, v]) => `${escapeHtml(k)}：${escapeHtml(v.value)}`)
        .join('<br>')}</td><td>${escapeHtml(e.page ?? '')}</td></tr>`,
    )
    .join('\n');
  return page(`<p>共 ${entries.length} 条：发给您的消息；学校管理员还能看到发给本校家长和教职工的消息。</p>
<table><thead><tr><th>时间</th><th>接收人 openid</th><th>模板</th><th>内容</th><th>跳转页面</th></tr></thead><tbody>${rows}</tbody></table>`);
}

export function renderOutboxSignIn(): string {
  return page('<p>发件箱里有孩子的姓名和家长的消息，请先<a href="/#/pages/login/index">登录</a>，再打开本页。</p>');
}
