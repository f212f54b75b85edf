export { ChoiceTags } from './choice-tags';
export { DateField, dateWithWeekday, TimeField } from './date-field';
export { Field, FieldError, fieldAnchor } from './field';
export { LimitedText } from './limited-text';
export { Checkbox, Form, Radio } from './nutui-form';
export { hasDraft, useDraft } from './use-draft';
export { type Errors, scrollToFirst, useFormErrors } from './use-form-errors';
