import { Text, View } from '@tarojs/components';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { askConsents } from '../../ui/consents';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { shortTime } from '../components/labels';
import '../components/enrollment.scss';

/** What the parent was sent (subscription messages and reminders), and what could not reach them and why. */
export default function ParentMessages() {
  const list = useLoad(() => api.messages.listMyMessages());
  if (list.loading && !list.data) return <Loading />;
  if (list.error || !list.data) return <ErrorCard message={list.error ?? '加载失败'} onRetry={list.reload} />;
  const held = list.data.filter((m) => m.status !== 'sent').length;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">我收到的消息</Text>
        <Text className="muted">学校发给您的报名进度、协议、缴费和提醒消息。微信每次只允许发送一条您同意接收的消息。</Text>
        {held > 0 && <Text className="section-note warn-text messages-held">有 {held} 条消息您没有允许接收，未能发到微信；内容都在下面。</Text>}
        <View className="btn-row">
          <Button
            size="small"
            className="allow-messages"
            onClick={() => {
              void askConsents('home');
              toast('谢谢，有新进展时会通过微信告诉您', 'success');
            }}
          >
            允许接收提醒
          </Button>
        </View>
      </View>
      {list.data.length === 0 && (
        <View className="card">
          <Text className="muted">还没有消息。</Text>
        </View>
      )}
      {list.data.map((m) => (
        <View key={m.id} className="card message-item" onClick={() => m.page && go(`/${m.page}`)}>
          <Text className="card-title">{m.title}</Text>
          {m.lines.map((line, i) => (
            <Text key={`${m.id}-${i}`} className="section-note">
              {line}
            </Text>
          ))}
          <Text className="muted">{shortTime(m.at)}</Text>
          {m.note && <Text className="section-note warn-text message-note">{m.note}</Text>}
        </View>
      ))}
    </View>
  );
}
