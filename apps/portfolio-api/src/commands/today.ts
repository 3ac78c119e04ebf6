/**
 * The calendar date in Almaty (the programme's reference time zone) — what "a value date may not
 * be in the future" is measured against.
 */
export function todayInAlmaty(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
