import { randomBytes } from 'node:crypto';

let counter = randomBytes(2).readUInt16BE(0);

/**
 * A new document `_id` in WeChat's format: 32 lowercase hex characters.
 * Time first (ms), then a counter, then randomness: ids sort roughly in creation order.
 */
export function generateId(now = Date.now()): string {
  counter = (counter + 1) % 0x10000;
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const sequence = counter.toString(16).padStart(4, '0');
  return `${time}${sequence}${randomBytes(8).toString('hex')}`;
}
