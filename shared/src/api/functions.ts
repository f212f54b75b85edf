/** The cloud functions, one per area. Each is deployed from cloudfunctions/<name>/. */
export const FUNCTION_NAMES = [
  'enrollment',
  'agreement',
  'fees',
  'disclosure',
  'feedback',
  'payments',
  'messages',
  'serviceday',
  'committee',
  'bureau',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
