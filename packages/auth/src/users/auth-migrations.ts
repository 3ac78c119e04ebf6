import type { MigrationInterface } from 'typeorm';
import { CreateUsersTable1732700000000 } from './1732700000000-create-users-table.js';
import { UserAccounts1767000000000 } from './1767000000000-user-accounts.js';

/** In order; an app registers these next to its own migrations. */
export const authMigrations: (new () => MigrationInterface)[] = [CreateUsersTable1732700000000, UserAccounts1767000000000];
export { CreateUsersTable1732700000000, UserAccounts1767000000000 };
