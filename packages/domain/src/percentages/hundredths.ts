/**
 * A percentage in exact hundredths, or undefined if it has more than 2 decimals. Reads the
 * number's shortest decimal form, so 59.4 is 5940 although 59.4 * 100 is 5940.000000000001.
 */
export function percentageToHundredths(percentage: number): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(percentage));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function formatHundredths(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}
