export * from './kafka-config.js';
export * from './topics-admin.js';
export * from './event-source.js';
export * from './kafka-event-source.js';
export * from './postgres-log-event-source.js';
export * from './kafka-relay.js';
export * from './recorded-to-portfolio-event.js';
