/** One stream per procurement package, from plan to completion or termination. */
export function contractPackageStreamId(contractId: string): string {
  return `contract-${contractId}`;
}
