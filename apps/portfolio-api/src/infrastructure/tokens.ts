/** Nest injection tokens for the infrastructure the use cases need. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const EVENT_STORE = Symbol('EVENT_STORE');
