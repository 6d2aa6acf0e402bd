/** Times of day as minutes since midnight (0–1440); `HH:MM` text at the edges. */

export const MINUTES_PER_DAY = 1440;

const HHMM = /^(\d{1,2}):(\d{2})$/;

/** Parses `H:MM` / `HH:MM` (00:00–23:59, and 24:00 when `allow24`); null when invalid. */
export function parseClock(text: string, allow24 = false): number | null {
  const m = HHMM.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0 && allow24) return MINUTES_PER_DAY;
  return h <= 23 ? h * 60 + min : null;
}

/** Formats minutes since midnight as `HH:MM` (1440 → `24:00`). */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Weekday codes as the rules use them, index = ISO weekday − 1. */
export const WEEKDAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
