import { CreateEventStoreTables1732600000000 } from './1732600000000-create-event-store-tables.js';

/** In order; an app registers these next to its own migrations. */
export const eventStoreMigrations: Function[] = [CreateEventStoreTables1732600000000];
