/** A time of day written HH:mm, China time. */
export type ClockTime = string;

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function minutesOfDay(time: ClockTime): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}
