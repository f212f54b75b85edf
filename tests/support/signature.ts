/** A drawn signature as the H5 page sends it: a 1×1 PNG, base64 (signing requires one). */
export const PNG_1x1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const SIGNATURE = { base64: PNG_1x1 };
