// Calendar dates as the report writes them (ISO 8601), from the numbers a
// text gives: one home, so facts and the document's date agree on what is a date.

/** 'YYYY-MM-DD', or null when there is no such day (2023年2月30日). */
export function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** 'YYYY-MM', or null for a month that is not 1–12. */
export function isoMonth(y: number, m: number): string | null {
  return m >= 1 && m <= 12 ? `${y}-${String(m).padStart(2, '0')}` : null;
}
