/** A calendar quarter, YYYY-Qn: its first and last day, and the first day of its year. */
export interface Quarter {
  label: string;
  start: string;
  end: string;
  yearStart: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

/** The quarter a label names, or undefined when it is not YYYY-Q1…Q4. */
export function parseQuarter(label: string): Quarter | undefined {
  const match = QUARTER.exec(label);
  if (!match) return undefined;
  const year = match[1] as string;
  const n = Number(match[2]);
  return { label, start: `${year}-${String(3 * n - 2).padStart(2, '0')}-01`, end: `${year}-${LAST_DAY[n - 1] as string}`, yearStart: `${year}-01-01` };
}

/** Whether a date (YYYY-MM-DD) falls in the quarter, or in its year up to the quarter's end. */
export const inQuarter = (q: Quarter, date: string) => date >= q.start && date <= q.end;
export const inYearToDate = (q: Quarter, date: string) => date >= q.yearStart && date <= q.end;
