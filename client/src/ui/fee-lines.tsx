import { formatYuan } from '@kehou/shared';
import type { NoticeLine } from '@kehou/shared/fees';
import { Text, View } from '@tarojs/components';

export { formatYuan };

/** The lines of a fee notice or refund: label, amount, detail and the clause each rests on. */
export function FeeLines({ lines }: { lines: NoticeLine[] }) {
  return (
    <View className="fee-lines">
      {lines.map((line, i) => (
        <View key={i} className="fee-line">
          <View className="row">
            <Text>{line.label}</Text>
            <Text className="fee-amount">{formatYuan(line.amountFen)}</Text>
          </View>
          {line.detail && <Text className="section-note">{line.detail}</Text>}
          <Text className="citation">
            依据：{line.citation}
            {line.quote ? `：“${line.quote}”` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
