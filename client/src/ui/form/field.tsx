import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Form } from './nutui-form';

/** The element id of a field, for scrolling to it: `pickup.pickers.0.phone` → `field-pickup-pickers-0-phone`. */
export const fieldAnchor = (path: string) => `field-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/**
 * One field of a form (NutUI Form.Item): its Chinese label, the control, and under it at once
 * the field's own error (what the shared schema says is wrong) or a hint.
 */
export function Field({
  path,
  label,
  required,
  error,
  hint,
  className = '',
  children,
}: {
  path: string;
  label: ReactNode;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <View id={fieldAnchor(path)} className={`form-field ${error ? 'form-field-error' : ''} ${className}`}>
      <Form.Item label={label} required={required} shouldUpdate>
        {() => (
          <View className="form-field-control">
            {children}
            {error ? <Text className="field-error">{error}</Text> : hint ? <Text className="section-note">{hint}</Text> : null}
          </View>
        )}
      </Form.Item>
    </View>
  );
}

/** An error that belongs to a group of fields (a list, a choice) rather than one input. */
export function FieldError({ path, error }: { path: string; error?: string }) {
  if (!error) return null;
  return (
    <Text id={fieldAnchor(path)} className="field-error">
      {error}
    </Text>
  );
}
