import { FEEDBACK_STATUS_LABELS, FEEDBACK_TOPICS, type FeedbackTopic } from '@kehou/shared';
import { Picker, Switch, Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { askConsents } from '../../ui/consents';
import { LimitedText } from '../../ui/form';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import '../../ui/form/form.scss';
import { ErrorCard, Loading } from '../../ui/states';

const TOPICS = Object.entries(FEEDBACK_TOPICS) as [FeedbackTopic, string][];
const newRequestId = () => `fb-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** A parent writes to the parent committee and reads its answers. */
export default function ParentFeedback() {
  const data = useLoad(async () => {
    const [home, mine] = await Promise.all([api.enrollment.getHome(), api.feedback.listMyFeedback()]);
    return { children: home.children.filter((c) => c.bindingStatus === 'confirmed'), mine };
  });
  const [childIndex, setChildIndex] = useState(0);
  const [topicIndex, setTopicIndex] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [signName, setSignName] = useState(false);
  const [busy, setBusy] = useState(false);
  // One request id per form: a double tap or a retry sends the same one and creates nothing twice.
  const [requestId, setRequestId] = useState(newRequestId);
  const children = useMemo(() => data.data?.children ?? [], [data.data]);

  if (data.loading && !data.data) return <Loading />;
  if (data.error || !data.data) return <ErrorCard message={data.error ?? '加载失败'} onRetry={data.reload} />;

  const submit = async () => {
    if (topicIndex === null) return toast('请选择意见类型');
    void askConsents('feedback');
    setBusy(true);
    try {
      await api.feedback.submitFeedback({ studentId: children[childIndex].studentId, requestId, topic: TOPICS[topicIndex][0], text, signName });
      toast('已提交给家委会', 'success');
      setText('');
      setTopicIndex(null);
      setRequestId(newRequestId());
      await data.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">给家委会提意见</Text>
        <Text className="muted">家委会会查看并答复。默认不显示您的姓名；孩子的姓名不会给家委会看到。</Text>
      </View>
      {children.length === 0 ? (
        <View className="card">
          <Text className="muted">绑定孩子并经班主任确认后，可以向孩子学校的家委会提意见。</Text>
        </View>
      ) : (
        <View className="card">
          {children.length > 1 && (
            <View className="field">
              <Text className="field-label">关于哪个孩子的学校</Text>
              <Picker
                mode="selector"
                range={children.map((c) => `${c.name}（${c.schoolName}）`)}
                value={childIndex}
                onChange={(e) => setChildIndex(Number(e.detail.value))}
              >
                <View className="input">{`${children[childIndex].name}（${children[childIndex].schoolName}）`}</View>
              </Picker>
            </View>
          )}
          <View className="field">
            <Text className="field-label">意见类型</Text>
            <View className="chips">
              {TOPICS.map(([topic, label], index) => (
                <Text key={topic} className={`chip topic-chip ${index === topicIndex ? 'chip-selected' : ''}`} onClick={() => setTopicIndex(index)}>
                  {label}
                </Text>
              ))}
            </View>
          </View>
          <View className="field">
            <Text className="field-label">内容</Text>
            <LimitedText className="feedback-input" value={text} limit={500} placeholder="请写下您的意见或建议（5—500 字）" onChange={setText} />
          </View>
          <View className="row">
            <Text>署名（让家委会看到我的姓名）</Text>
            <Switch checked={signName} onChange={(e) => setSignName(e.detail.value)} />
          </View>
          <View className="btn-row">
            <Button type="primary" disabled={busy} onClick={() => void submit()} className="submit-feedback">
              提交
            </Button>
          </View>
        </View>
      )}
      {data.data.mine.map((item) => (
        <View key={item.id} className="card my-feedback">
          <View className="row">
            <Text className="tag">{FEEDBACK_TOPICS[item.topic]}</Text>
            <Text className={item.status === 'answered' ? 'ok-text' : 'muted'}>{FEEDBACK_STATUS_LABELS[item.status]}</Text>
          </View>
          <Text>{item.text}</Text>
          {item.answer && (
            <View className="field">
              <Text className="field-label">家委会答复（{item.answer.byName}）</Text>
              <Text className="feedback-answer">{item.answer.text}</Text>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
