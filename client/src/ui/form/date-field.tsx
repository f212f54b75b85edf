import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/picker/style/css';
import DatePicker from '@nutui/nutui-react-taro/dist/es/packages/datepicker/index';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-12-07` → 2026年12月7日 周一 (a calendar date: no time zone can move it). */
export function dateWithWeekday(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日 ${WEEKDAYS[weekday]}`;
}

/** A calendar date as the picker's local Date (its columns read local fields) and back. */
const toPickerDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? 2000, (m ?? 1) - 1, d ?? 1);
};
const fromPicker = (values: readonly unknown[]) => `${values[0]}-${pad(Number(values[1]))}-${pad(Number(values[2]))}`;

/**
 * A date chosen on NutUI's DatePicker, shown with its weekday; `min`/`max` bound the choice
 * (calendar dates `YYYY-MM-DD`, e.g. today and the term's end).
 */
export function DateField({
  value,
  onChange,
  min,
  max,
  title = '选择日期',
  placeholder = '请选择日期',
  className = '',
  disabled = false,
}: {
  value: string;
  onChange: (iso: string) => void;
  min: string;
  max: string;
  title?: string;
  placeholder?: string;
  className?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <View className={`date-field ${className}`}>
      <View className="input date-field-value" onClick={() => !disabled && setOpen(true)}>
        <Text className={value ? '' : 'muted'}>{value ? dateWithWeekday(value) : placeholder}</Text>
      </View>
      <DatePicker
        visible={open}
        title={title}
        type="date"
        showChinese
        value={toPickerDate(value || min)}
        startDate={toPickerDate(min)}
        endDate={toPickerDate(max)}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          setOpen(false);
          onChange(fromPicker(values));
        }}
      />
    </View>
  );
}

/** A time of day (HH:mm) on NutUI's DatePicker in hour-minute mode, minutes in steps of `step`. */
export function TimeField({
  value,
  onChange,
  title = '选择时间',
  step = 5,
  className = '',
  disabled = false,
}: {
  value: string;
  onChange: (hhmm: string) => void;
  title?: string;
  step?: number;
  className?: string;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [h, m] = (value || '00:00').split(':').map(Number);
  const at = new Date(2000, 0, 1, h || 0, m || 0);
  return (
    <View className={`time-field ${className}`}>
      <View className="input time-field-value" onClick={() => !disabled && setOpen(true)}>
        <Text className={value ? '' : 'muted'}>{value || '请选择时间'}</Text>
      </View>
      <DatePicker
        visible={open}
        title={title}
        type="hour-minutes"
        showChinese
        minuteStep={step}
        value={at}
        startDate={new Date(2000, 0, 1, 0, 0)}
        endDate={new Date(2000, 0, 1, 23, 59)}
        onClose={() => setOpen(false)}
        onConfirm={(_options, values) => {
          setOpen(false);
          onChange(`${pad(Number(values[0]))}:${pad(Number(values[1]))}`);
        }}
      />
    </View>
  );
}
