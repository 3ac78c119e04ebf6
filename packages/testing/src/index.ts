export { createTestDatabase, databaseUrl, testDatabaseName, DEFAULT_DATABASE_URL } from './database.js';
export type { TestDatabase } from './database.js';
export { waitFor } from './wait-for.js';
export { deleteTopicsWithPrefix, readTopics, testKafkaBrokers, uniqueTopicPrefix } from './kafka.js';
export type { ReadMessage } from './kafka.js';
export type { WaitForOptions } from './wait-for.js';
export { ADMIN, authHeaders, cleanUp, freePort, repoRoot, sleep, startApp, tokenFor, waitHealthy } from './app-process.js';
export type { AppProcess } from './app-process.js';
