import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/overlay/style/css';
import Dialog from '@nutui/nutui-react-taro/dist/es/packages/dialog/index';
import { Text, View } from '@tarojs/components';
import { type ReactNode, useRef, useState } from 'react';
import { Button } from './nutui';

/** What an irreversible action will do, asked before it is done: what happens, and to how many. */
export interface ConfirmRequest {
  title: string;
  /** What will happen, in a sentence or two (to how many children, what cannot be undone). */
  content: ReactNode;
  /** The lines of a list the action covers (e.g. the classes and their counts), shown under the content. */
  lines?: string[];
  confirmText?: string;
}

/**
 * A confirmation with NutUI's Dialog before an irreversible staff action. The page renders
 * `confirm.dialog` once and awaits `confirm.ask({...})`: true when the person taps the confirm
 * button, false when they cancel or close it.
 */
export function useConfirm() {
  const [request, setRequest] = useState<ConfirmRequest | null>(null);
  const answer = useRef<((ok: boolean) => void) | null>(null);
  const close = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = null;
    setRequest(null);
  };
  const ask = (next: ConfirmRequest) =>
    new Promise<boolean>((resolve) => {
      answer.current?.(false);
      answer.current = resolve;
      setRequest(next);
    });
  const dialog = (
    <Dialog
      className="kehou-confirm"
      visible={!!request}
      title={request?.title ?? ''}
      content={
        request ? (
          <View className="kehou-confirm-content">
            <Text className="kehou-confirm-text">{request.content}</Text>
            {request.lines?.map((line) => (
              <Text key={line} className="kehou-confirm-line">
                {line}
              </Text>
            ))}
          </View>
        ) : null
      }
      footer={
        <View className="kehou-confirm-footer">
          <Button className="kehou-confirm-cancel" size="small" onClick={() => close(false)}>
            取消
          </Button>
          <Button className="kehou-confirm-ok" type="primary" size="small" onClick={() => close(true)}>
            {request?.confirmText ?? '确定'}
          </Button>
        </View>
      }
      onClose={() => close(false)}
      onCancel={() => close(false)}
    />
  );
  return { dialog, ask };
}
