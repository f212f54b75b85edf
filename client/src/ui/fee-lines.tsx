import { Text, View } from '@tarojs/components';
import type { NoticeLine } from '@kehou/shared/fees';

/** 12.34 元 (the engine's formatYuan, kept here so the main package does not pull in the policy engine). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} 元`;
}

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
          <Text className="citation">依据：{line.citation}{line.quote ? `：“${line.quote}”` : ''}</Text>
        </View>
      ))}
    </View>
  );
}
