import { publicationFees } from '@kehou/shared/disclosure';
import { formatCitation } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { useEditor } from '../editor-context';
import { NumberField } from '../fields';

/**
 * The fee standard and refund method come from the local policy; the school edits only what the
 * policy lets it choose (yueyang's approved term fee, suifenhe's senior surcharge up to 10 %, the
 * reduction for other hardship).
 */
export function FeesSection() {
  const { content, change, view, profile } = useEditor();
  const fees = publicationFees(profile, content.feeSettings, view.term.startDate);
  return (
    <View className="card" id="section-fees">
      <Text className="card-title">收费标准与退费办法</Text>
      <Text className="section-note">按{profile.name}的政策，公开时向家长说明：</Text>
      {fees.lines.map((line) => (
        <View key={line.label} className="field">
          <Text>
            {line.label}：{line.text}
          </Text>
          <Text className="citation">依据：{line.citation}</Text>
        </View>
      ))}
      <Text className="section-note">退费办法：{fees.refundMethod}</Text>
      {view.feeSettings.length > 0 && <Text className="field-label">学校可以设置的</Text>}
      {view.feeSettings.map((setting) => (
        <NumberField
          key={setting.key}
          label={`${setting.label}${setting.unit === 'fen' ? '（元）' : '（%）'}`}
          money={setting.unit === 'fen'}
          decimals={setting.unit === 'percent'}
          value={content.feeSettings[setting.key]}
          onChange={(v) =>
            change((d) => {
              if (v === undefined) delete d.feeSettings[setting.key];
              else d.feeSettings[setting.key] = v;
            })
          }
          note={`${setting.max === undefined ? '' : `最高 ${setting.max}%。`}依据：${formatCitation(setting.citation)}`}
          path={`feeSettings.${setting.key}`}
        />
      ))}
    </View>
  );
}
