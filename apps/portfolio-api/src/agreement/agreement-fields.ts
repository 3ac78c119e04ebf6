/** The agreement the examples sign and then act on, one per example project. */
export const exampleAgreementId = (projectId: string) => `AG-${projectId}`;

/** The transaction the reversal example undoes (recorded by the expenditure example). */
export const EXAMPLE_REVERSED_TRANSACTION_ID = 'EXP-2025-10-DUP';
