import { answerFeedbackInput, chinaDate, FEEDBACK_STATUS_LABELS, FEEDBACK_TOPICS, type FeedbackInbox, type FeedbackView } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { LimitedText } from '../../ui/form';
import { MoreRow } from '../../ui/more-row';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import '../../ui/form/form.scss';
import { EmptyState, ErrorCard, Loading } from '../../ui/states';
import { usePagedList } from '../../ui/use-paged-list';

/** The committee's inbox, a page at a time (open first): read, mark as seen, answer. */
export default function CommitteeFeedback() {
  const { schoolId = '' } = useRouter().params;
  const [counts, setCounts] = useState<FeedbackInbox['counts'] | null>(null);
  const inbox = usePagedList(
    async (skip, limit) => {
      const page = await api.feedback.listSchoolFeedback({ schoolId, skip, limit });
      setCounts(page.counts);
      return { rows: page.items, total: page.total, nextSkip: page.nextSkip };
    },
    [schoolId],
    { loadOnScroll: true },
  );
  if (inbox.loading && !counts) return <Loading />;
  if (inbox.error && !counts) return <ErrorCard message={inbox.error} onRetry={inbox.reload} />;
  if (!counts) return <Loading />;
  const items = inbox.rows;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">家长意见</Text>
        <Text className="muted">
          待查看 {counts.open} 条 · 已查看 {counts.reviewed} 条 · 已答复 {counts.answered} 条
        </Text>
      </View>
      {items.length === 0 && (
        <View className="card">
          <EmptyState title="还没有家长意见" next="家长在小程序里给家委会写的意见会出现在这里，您可以查看并答复。" />
        </View>
      )}
      {items.map((item) => (
        <FeedbackCard key={item.id} item={item} onChanged={inbox.reload} />
      ))}
      {items.length > 0 && <MoreRow list={inbox} />}
    </View>
  );
}

function FeedbackCard({ item, onChanged }: { item: FeedbackView; onChanged: () => Promise<void> }) {
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  // The answer the function would accept (at least 2 characters), checked with its own schema.
  const replyOk = answerFeedbackInput.shape.text.safeParse(reply).success;
  const act = async (step: 'review' | 'answer') => {
    setBusy(true);
    try {
      if (step === 'answer') await api.feedback.answerFeedback({ feedbackId: item.id, text: reply, revision: item.revision });
      else await api.feedback.markFeedbackReviewed({ feedbackId: item.id });
      toast(step === 'answer' ? '已答复' : '已标记为查看', 'success');
      await onChanged();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card feedback-item">
      <View className="row">
        <Text className="tag">{FEEDBACK_TOPICS[item.topic]}</Text>
        <Text className={item.status === 'answered' ? 'ok-text' : 'warn-text'}>{FEEDBACK_STATUS_LABELS[item.status]}</Text>
      </View>
      <Text className="feedback-text">{item.text}</Text>
      <View>
        <Text className="muted">
          {item.className} · {item.signedAs ?? '匿名家长'} · {chinaDate(item.createdAt)}
        </Text>
      </View>
      {item.answer ? (
        <View className="field">
          <Text className="field-label">答复（{item.answer.byName}）</Text>
          <Text>{item.answer.text}</Text>
        </View>
      ) : (
        <View>
          <LimitedText className="answer-input" value={reply} limit={500} placeholder="写下答复，家长会收到通知" onChange={setReply} />
          <View className="btn-row">
            {item.status === 'open' && (
              <Button size="small" disabled={busy} onClick={() => void act('review')}>
                标记已查看
              </Button>
            )}
            <Button size="small" type="primary" disabled={busy || !replyOk} onClick={() => void act('answer')} className="answer-button">
              答复
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}
