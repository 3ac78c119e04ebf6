/** Nest injection tokens for the infrastructure the use cases need. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The relay's parked events (ParkedMessageStore) and the relay itself (KafkaRelay, or null without Kafka). */
export const PARKED_MESSAGES = Symbol('PARKED_MESSAGES');
export const RELAY = Symbol('RELAY');
/** The folded states of recently used streams (FoldedStreams), shared by every command of the process. */
export const FOLDED_STREAMS = Symbol('FOLDED_STREAMS');
