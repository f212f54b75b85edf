import { Text, View } from '@tarojs/components';
import { TextArea } from './nutui-form';

/**
 * A text area with its limit in sight: 「123/500」 under it, red and saying by how much once a
 * paste goes over. Nothing typed or pasted is ever cut without a word (NutUI's own maxLength cuts).
 */
export function LimitedText({
  value,
  limit,
  onChange,
  placeholder,
  className = '',
  rows = 3,
}: {
  value: string;
  limit: number;
  onChange: (value: string) => void;
  placeholder?: string;
  className?: string;
  rows?: number;
}) {
  const length = Array.from(value).length;
  const over = length - limit;
  return (
    <View className={`limited-text ${className}`}>
      <TextArea className="limited-text-area" value={value} maxLength={-1} rows={rows} autoSize placeholder={placeholder} onChange={(text) => onChange(text)} />
      <View className="limited-text-foot">
        {over > 0 ? <Text className="field-error limited-text-over">超出 {over} 字，请删减后再提交</Text> : <Text />}
        <Text className={`limited-text-count ${over > 0 ? 'limited-text-count-over' : ''}`}>
          {length}/{limit}
        </Text>
      </View>
    </View>
  );
}
