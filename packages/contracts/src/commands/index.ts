/**
 * The requests of portfolio-api's commands, as zod schemas: the field schemas every command endpoint is
 * built from, and the route, path parameters and body of the commands the web portal records. The API
 * validates requests with them, and the portal checks a form with the very same schemas before sending.
 * Pure (zod and the domain's code lists), so a browser bundle may import it: `@ecab/contracts/commands`.
 */
export * from './fields.js';
export * from './indicator-value-field.js';
export * from './review-params.js';
export * from './request-problems.js';
export * from './project-requests.js';
export * from './agreement-requests.js';
export * from './milestone-requests.js';
export * from './results-requests.js';
export * from './performance-requests.js';
