import { Text, View } from '@tarojs/components';

/**
 * The selectable tag pattern: a row of chips, several or one on (`single`), nothing chosen until
 * tapped. Each chip is a button for screen readers, with its state.
 */
export function ChoiceTags<T extends string | number>({
  options,
  value,
  onChange,
  single = false,
  className = '',
}: {
  options: readonly { value: T; label: string; disabled?: boolean }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  single?: boolean;
  className?: string;
}) {
  const toggle = (option: T) => {
    if (single) return onChange(value.includes(option) ? [] : [option]);
    onChange(value.includes(option) ? value.filter((v) => v !== option) : [...value, option]);
  };
  return (
    <View className="chip-row choice-tags">
      {options.map((option) => {
        const on = value.includes(option.value);
        return (
          <Text
            key={String(option.value)}
            className={`chip ${className} ${on ? 'chip-on' : ''} ${option.disabled ? 'chip-disabled' : ''}`}
            onClick={() => !option.disabled && toggle(option.value)}
          >
            {on ? '✓ ' : ''}
            {option.label}
          </Text>
        );
      })}
    </View>
  );
}
