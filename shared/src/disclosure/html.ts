const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Escaped text whose line breaks become <br/>. */
export function escapeMultiline(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join('<br/>');
}
