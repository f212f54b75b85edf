/** A fresh id for one request a person makes: sent again with a retry, it makes the change once. */
export const newRequestId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
