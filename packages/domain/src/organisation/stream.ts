/** One stream per organisation of the reference list, e.g. organisation-XM-DAC-46004. */
export function organisationStreamId(organisationId: string): string {
  return `organisation-${organisationId}`;
}
