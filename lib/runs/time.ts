/** A time as people read it in a ticket: local time with its offset from UTC, "2026-11-22 10:02 UTC+01:00". */
export function formatTime(iso: string, offsetMinutes = -new Date(iso).getTimezoneOffset()): string {
  const shifted = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)} UTC${sign}${hours}:${minutes}`;
}
