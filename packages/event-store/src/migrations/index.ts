import type { MigrationInterface } from 'typeorm';
import { CreateEventStoreTables1732600000000 } from './1732600000000-create-event-store-tables.js';
import { UniqueIdempotencyKeys1732800000000 } from './1732800000000-unique-idempotency-keys.js';
import { EventsBySubjectAndType1764230400000 } from './1764230400000-events-by-subject-and-type.js';

/** In order; an app registers these next to its own migrations. */
export const eventStoreMigrations: (new () => MigrationInterface)[] = [
  CreateEventStoreTables1732600000000,
  UniqueIdempotencyKeys1732800000000,
  EventsBySubjectAndType1764230400000,
];
