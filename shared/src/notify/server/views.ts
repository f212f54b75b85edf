import { type MessageView, TEMPLATE_TITLES } from '../types';
import type { MessageRecordDoc } from './queue';

const NOTES: Record<string, string> = {
  'no-consent': '您没有允许这类消息，未能发到微信；下次提示时请点“允许”',
  error: '发送失败',
};

/** A message as the person it was for sees it in their list. */
export function toMessageView(doc: MessageRecordDoc): MessageView {
  const status = doc.status === 'sending' ? 'failed' : doc.status;
  return {
    id: doc._id,
    title: TEMPLATE_TITLES[doc.templateId] ?? '消息',
    lines: Object.values(doc.data ?? {}).map((v) => v.value),
    page: doc.page,
    status,
    note: status === 'sent' ? undefined : (NOTES[doc.reason ?? 'error'] ?? NOTES.error),
    at: doc.at,
  };
}
