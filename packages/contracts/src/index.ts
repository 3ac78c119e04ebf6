export * from './topics.js';
export * from './event-types.js';
export * from './portfolio-event.js';
export * from './cloudevents-kafka.js';
