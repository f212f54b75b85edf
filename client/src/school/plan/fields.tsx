import { issuesAt } from '@kehou/shared/disclosure';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { type ReactNode, useEffect, useState } from 'react';
import { IssueNotes } from '../../components/plan-issues';
import { DateField, TimeField } from '../../ui/form';
import { useEditor } from './editor-context';

/** The problems of a field (and of everything inside it), shown right under it. */
export function Issues({ path }: { path: string }) {
  const { issues } = useEditor();
  return <IssueNotes issues={issuesAt(issues, path)} />;
}

/** Only the problems of exactly this path (for list-level paths such as `items`). */
export function OwnIssues({ path }: { path: string }) {
  const { issues } = useEditor();
  return <IssueNotes issues={issues.filter((i) => i.path === path)} />;
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  multiline?: boolean;
  path?: string;
  note?: string;
  maxlength?: number;
}

export function TextField({ label, value, onChange, placeholder, multiline, path, note, maxlength }: TextFieldProps) {
  const { readOnly } = useEditor();
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      {multiline ? (
        <Textarea
          className="textarea"
          value={value}
          placeholder={placeholder}
          disabled={readOnly}
          maxlength={maxlength ?? 2000}
          autoHeight
          onInput={(e) => onChange(e.detail.value)}
        />
      ) : (
        <Input
          className="input"
          value={value}
          placeholder={placeholder}
          disabled={readOnly}
          maxlength={maxlength ?? 40}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
      {note && <Text className="section-note">{note}</Text>}
      {path && <Issues path={path} />}
    </View>
  );
}

/** A time of day picked on NutUI's TimePicker (hour and minute columns), never typed. */
export function TimeInput({
  label,
  value,
  onChange,
  path,
  className,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  path?: string;
  className?: string;
}) {
  const { readOnly } = useEditor();
  return (
    <View className={`field ${className ?? ''}`}>
      <Text className="field-label">{label}</Text>
      <TimeField title={label} value={value} onChange={onChange} disabled={readOnly} />
      {path && <Issues path={path} />}
    </View>
  );
}

/** A calendar date picked on NutUI's DatePicker, within the term. */
export function DateInput({
  label,
  value,
  onChange,
  min,
  max,
  path,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  min: string;
  max: string;
  path?: string;
}) {
  const { readOnly } = useEditor();
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      <DateField title={label} value={value} min={min} max={max} onChange={onChange} disabled={readOnly} />
      {path && <Issues path={path} />}
    </View>
  );
}

/**
 * Two short fields side by side (they wrap on a narrow screen); their problems go underneath,
 * across the whole width, so a long message with its clause never squeezes the field beside it.
 */
export function FieldPair({ children, paths }: { children: ReactNode; paths: string[] }) {
  return (
    <View className="field-pair-wrap">
      <View className="field-pair">{children}</View>
      {paths.map((path) => (
        <Issues key={path} path={path} />
      ))}
    </View>
  );
}

interface NumberFieldProps {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  placeholder?: string;
  path?: string;
  note?: string;
  /** Entered in yuan, kept in fen. */
  money?: boolean;
  decimals?: boolean;
  className?: string;
}

/** Numbers typed as text (so "12." can be typed), committed when they parse. */
export function NumberField({ label, value, onChange, placeholder, path, note, money, decimals, className }: NumberFieldProps) {
  const { readOnly } = useEditor();
  const shown = value === undefined ? '' : money ? String(value / 100) : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (parse(text) !== value) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  function parse(raw: string): number | undefined {
    const trimmed = raw.trim();
    if (!trimmed) return undefined;
    const number = Number(trimmed);
    if (!Number.isFinite(number)) return value;
    return money ? Math.round(number * 100) : decimals ? number : Math.round(number);
  }
  return (
    <View className={`field ${className ?? ''}`}>
      <Text className="field-label">{label}</Text>
      <Input
        className="input"
        type={money || decimals ? 'digit' : 'number'}
        value={text}
        placeholder={placeholder}
        disabled={readOnly}
        onInput={(e) => {
          setText(e.detail.value);
          onChange(parse(e.detail.value));
        }}
      />
      {note && <Text className="section-note">{note}</Text>}
      {path && <Issues path={path} />}
    </View>
  );
}

interface ChipsProps<T extends string | number> {
  options: readonly { value: T; label: string }[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  className?: string;
}

/** Tappable choices; the selected ones are highlighted. Nothing is selected until tapped. */
export function Chips<T extends string | number>({ options, selected, onToggle, className }: ChipsProps<T>) {
  const { readOnly } = useEditor();
  return (
    <View className={`chip-row ${className ?? ''}`}>
      {options.map((option) => {
        const on = selected.includes(option.value);
        return (
          <Text
            key={String(option.value)}
            className={`chip ${on ? 'chip-on' : ''} ${readOnly ? 'chip-disabled' : ''}`}
            onClick={() => !readOnly && onToggle(option.value)}
          >
            {option.label}
          </Text>
        );
      })}
    </View>
  );
}

/** A yes/no choice as one chip with a check mark. */
export function Toggle({ label, on, onChange }: { label: string; on: boolean; onChange: (on: boolean) => void }) {
  const { readOnly } = useEditor();
  return (
    <Text className={`chip ${on ? 'chip-on' : ''} ${readOnly ? 'chip-disabled' : ''}`} onClick={() => !readOnly && onChange(!on)}>
      {on ? '✓ ' : ''}
      {label}
    </Text>
  );
}

export function FieldLabel({ children }: { children: string }) {
  return <Text className="field-label">{children}</Text>;
}

export function RemoveLink({ onRemove, label = '删除' }: { onRemove: () => void; label?: string }) {
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <Text className="link remove-link" onClick={onRemove}>
      {label}
    </Text>
  );
}

export const WEEKDAY_OPTIONS = [1, 2, 3, 4, 5].map((d) => ({ value: d as 1 | 2 | 3 | 4 | 5, label: ['', '周一', '周二', '周三', '周四', '周五'][d] }));

export function toggleIn<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
