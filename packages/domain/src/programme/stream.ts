/** One stream per programme, e.g. programme-ECAB-PROG. */
export function programmeStreamId(programmeId: string): string {
  return `programme-${programmeId}`;
}
