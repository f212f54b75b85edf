import { chinaDate } from '@kehou/shared';
import type { SupervisionNoteView } from '@kehou/shared/bureau';
import { Text, Textarea, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { newRequestId } from '../../ui/request-id';
import { ErrorCard, Loading } from '../../ui/states';
import { useSchoolId } from '../enrollment/components/use-school';

/** The bureau's inspection notes for the school (000 §四(六)) and the school's answers; answers are added, the history stays. */
export default function SupervisionPage() {
  const { schoolId, loading } = useSchoolId();
  if (loading) return <Loading />;
  if (!schoolId) return <ErrorCard message="您不是任何学校的管理员" />;
  return <Notes schoolId={schoolId} />;
}

function Notes({ schoolId }: { schoolId: string }) {
  const notes = useLoad(() => api.bureau.listInspections({ schoolId }), [schoolId]);
  if (notes.loading && !notes.data) return <Loading />;
  if (notes.error || !notes.data) return <ErrorCard message={notes.error ?? '加载失败'} onRetry={notes.reload} />;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">教育局督导记录</Text>
        <Text className="muted">教育局督导检查时记录的问题和整改要求。请逐条答复整改情况，答复会保留在记录中。</Text>
      </View>
      {notes.data.length === 0 && (
        <View className="card">
          <Text className="muted">还没有督导记录。</Text>
        </View>
      )}
      {notes.data.map((n) => (
        <NoteCard key={n.noteId} schoolId={schoolId} note={n} onChanged={notes.reload} />
      ))}
    </View>
  );
}

function NoteCard({ schoolId, note, onChanged }: { schoolId: string; note: SupervisionNoteView; onChanged: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  // One id per answer: a retry after a timeout sends the same one and adds nothing twice.
  const requestId = useRef(newRequestId('answer'));
  const answer = async () => {
    setBusy(true);
    try {
      await api.bureau.answerInspection({ schoolId, noteId: note.noteId, requestId: requestId.current, text });
      requestId.current = newRequestId('answer');
      toast('已答复', 'success');
      setText('');
      await onChanged();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card inspection-note">
      <Text className="section-note">
        {note.date} · {note.byName}
      </Text>
      <Text>发现：{note.findings}</Text>
      <Text>整改要求：{note.followUp}</Text>
      {note.answers.map((a) => (
        <Text key={a.at} className="section-note ok-text">
          答复（{chinaDate(a.at)}，{a.byName}）：{a.text}
        </Text>
      ))}
      <Textarea className="input inspection-answer" value={text} placeholder="整改情况" maxlength={1000} onInput={(e) => setText(e.detail.value)} />
      <View className="btn-row">
        <Button type="primary" size="small" className="answer-inspection" disabled={busy || text.trim().length < 2} onClick={() => void answer()}>
          {note.answers.length ? '补充答复' : '答复'}
        </Button>
      </View>
    </View>
  );
}
