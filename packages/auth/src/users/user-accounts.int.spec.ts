import { jest } from '@jest/globals';
import { authDatabase } from '../test-support/auth-database.js';
import { AccountChecks } from './account-checks.js';
import { SYSTEM_ACTOR } from './user-audit.js';
import { LastAdminError, UserStore } from './user-store.js';

/** Account changes in the store: each one audited with its actor, each ending the user's earlier tokens. */
describe('UserStore account changes (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof authDatabase>>;
  let users: UserStore;

  beforeAll(async () => {
    db = await authDatabase('auth_accounts');
    // The cheapest parameters the store accepts: these tests are about accounts, not hashing.
    users = new UserStore(db.dataSource, { scrypt: { ln: 14, r: 8, p: 1 } });
    await users.create({ username: 'root', password: 'root password 123', roles: ['admin'] });
  });
  afterAll(() => db.close());

  it('trusts an account found current for accountRecheckMs after its read began, and forgets it at once on its own changes', async () => {
    let now = 5_000;
    const guard = new UserStore(db.dataSource, { scrypt: { ln: 14, r: 8, p: 1 }, accountRecheckMs: 1_000, now: () => now });
    const viewer = await users.create({ username: 'cached', password: 'cached password 1', roles: ['viewer'] }, 'root');
    expect(await guard.tokenStatus('cached', viewer.tokenEpoch)).toBe('current');
    // Disabled through another store (another process): this one trusts what it read until 1,000 ms after the read began…
    await users.setDisabled('cached', true, 'root');
    now = 5_999;
    expect(await guard.tokenStatus('cached', viewer.tokenEpoch)).toBe('current');
    // …and refuses from then on, and keeps refusing (a refusal is never remembered).
    now = 6_000;
    expect(await guard.tokenStatus('cached', viewer.tokenEpoch)).toBe('disabled');
    expect(await guard.tokenStatus('cached', viewer.tokenEpoch)).toBe('disabled');

    const manager = await users.create({ username: 'cached2', password: 'cached password 2', roles: ['viewer'] }, 'root');
    expect(await guard.tokenStatus('cached2', manager.tokenEpoch)).toBe('current');
    // Changed through the same store: refused without waiting, the clock standing still.
    await guard.changeAccess('cached2', { roles: ['program-manager'] }, 'root');
    expect(await guard.tokenStatus('cached2', manager.tokenEpoch)).toBe('superseded');
    expect(await guard.tokenStatus('cached2', manager.tokenEpoch + 1)).toBe('current');
  });

  it('lets the requests that find an account due for a read share one read, never one begun before a change of its own or too long ago', async () => {
    let now = 10_000;
    const guard = new UserStore(db.dataSource, { scrypt: { ln: 14, r: 8, p: 1 }, accountRecheckMs: 1_000, now: () => now });
    const user = await users.create({ username: 'shared', password: 'shared password 1', roles: ['viewer'] }, 'root');
    const reads = jest.spyOn(db.dataSource, 'query');
    try {
      const burst = await Promise.all(Array.from({ length: 16 }, () => guard.tokenStatus('shared', user.tokenEpoch)));
      expect(burst).toEqual(Array(16).fill('current'));
      expect(reads).toHaveBeenCalledTimes(1);

      // A read under way is not shared once a change went through this store (that change counts at once), nor once it began recheckMs ago.
      const checks = new AccountChecks(1_000, () => now);
      const read = checks.startRead();
      expect(checks.mayShare(read)).toBe(true);
      checks.forget('someone');
      expect(checks.mayShare(read)).toBe(false);
      expect(checks.mayShare(checks.startRead())).toBe(true);
      expect(new AccountChecks(0, () => now).mayShare(read)).toBe(false);

      // Nor one that began recheckMs ago or more: it may predate a change made elsewhere by too much.
      const slow = new UserStore(db.dataSource, { scrypt: { ln: 14, r: 8, p: 1 }, accountRecheckMs: 1_000, now: () => now });
      reads.mockClear();
      const first = slow.tokenStatus('shared', user.tokenEpoch);
      now += 1_000;
      const second = slow.tokenStatus('shared', user.tokenEpoch);
      await Promise.all([first, second]);
      expect(reads).toHaveBeenCalledTimes(2);

      // Without a recheck interval every request reads.
      const strict = new UserStore(db.dataSource, { scrypt: { ln: 14, r: 8, p: 1 } });
      reads.mockClear();
      await Promise.all([strict.tokenStatus('shared', user.tokenEpoch), strict.tokenStatus('shared', user.tokenEpoch)]);
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  it('changes roles and clusters, ends earlier tokens, and records who changed what', async () => {
    const created = await users.create({ username: 'pm', password: 'pm password 1234', roles: ['program-manager'], clusters: ['transport'] }, 'root');
    expect(await users.tokenStatus('pm', created.tokenEpoch)).toBe('current');
    const changed = await users.changeAccess('pm', { roles: ['program-manager', 'viewer'], clusters: ['health', 'tourism'] }, 'root');
    expect(changed).toMatchObject({ roles: ['program-manager', 'viewer'], clusters: ['health', 'tourism'], tokenEpoch: created.tokenEpoch + 1 });
    expect(await users.tokenStatus('pm', created.tokenEpoch)).toBe('superseded');
    expect(await users.tokenStatus('pm', created.tokenEpoch + 1)).toBe('current');
    // The same access again changes nothing and records nothing.
    expect((await users.changeAccess('pm', { roles: ['viewer', 'program-manager'], clusters: ['tourism', 'health'] }, 'root'))?.tokenEpoch).toBe(
      created.tokenEpoch + 1,
    );
    const unscoped = await users.changeAccess('pm', { roles: ['program-manager'], clusters: null }, 'root');
    expect(unscoped?.clusters).toBeUndefined();
    expect((await users.audit('pm'))?.map(({ action, actor, details }) => ({ action, actor, details }))).toEqual([
      { action: 'created', actor: 'root', details: { roles: ['program-manager'], clusters: ['transport'] } },
      {
        action: 'access-changed',
        actor: 'root',
        details: {
          from: { roles: ['program-manager'], clusters: ['transport'] },
          to: { roles: ['program-manager', 'viewer'], clusters: ['health', 'tourism'] },
        },
      },
      {
        action: 'access-changed',
        actor: 'root',
        details: { from: { roles: ['program-manager', 'viewer'], clusters: ['health', 'tourism'] }, to: { roles: ['program-manager'], clusters: null } },
      },
    ]);
  });

  it('disables a user: no sign-in, no token; enabling lets it sign in again but not use the old tokens', async () => {
    const user = await users.create({ username: 'temp', password: 'temp password 12', roles: ['viewer'] }, 'root');
    expect(await users.verifyPassword('temp', 'temp password 12')).toBeDefined();
    const disabled = await users.setDisabled('temp', true, 'root', 'left the project');
    expect(disabled).toMatchObject({ disabled: true, tokenEpoch: user.tokenEpoch + 1 });
    expect(await users.verifyPassword('temp', 'temp password 12')).toBeUndefined();
    expect(await users.tokenStatus('temp', disabled!.tokenEpoch)).toBe('disabled');
    const enabled = await users.setDisabled('temp', false, 'root');
    expect(enabled).toMatchObject({ disabled: false, tokenEpoch: user.tokenEpoch + 1 });
    expect(await users.tokenStatus('temp', user.tokenEpoch)).toBe('superseded');
    expect(await users.verifyPassword('temp', 'temp password 12')).toMatchObject({ username: 'temp' });
    expect((await users.audit('temp'))?.map((entry) => [entry.action, entry.details])).toEqual([
      ['created', { roles: ['viewer'], clusters: null }],
      ['disabled', { reason: 'left the project' }],
      ['enabled', {}],
    ]);
  });

  it('resets a password and lets a user change its own, proving the current one', async () => {
    const user = await users.create({ username: 'pat', password: 'first password 1', roles: ['viewer'] });
    const reset = await users.resetPassword('pat', 'second password 2', 'root');
    expect(reset?.tokenEpoch).toBe(user.tokenEpoch + 1);
    expect(await users.verifyPassword('pat', 'first password 1')).toBeUndefined();
    expect(await users.changeOwnPassword('pat', 'first password 1', 'third password 3')).toBe('wrong-password');
    expect(await users.changeOwnPassword('pat', 'second password 2', 'third password 3')).toBe('changed');
    expect(await users.verifyPassword('pat', 'third password 3')).toMatchObject({ tokenEpoch: user.tokenEpoch + 2 });
    const audit = await users.audit('pat');
    expect(audit?.map((entry) => [entry.action, entry.actor])).toEqual([
      ['created', SYSTEM_ACTOR],
      ['password-reset', 'root'],
      ['password-changed', 'pat'],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/password [123]|scrypt/);
  });

  it('never leaves the platform without an enabled admin, even when two admins are demoted at once', async () => {
    await expect(users.setDisabled('root', true, 'root')).rejects.toThrow(LastAdminError);
    await expect(users.changeAccess('root', { roles: ['viewer'] }, 'root')).rejects.toThrow(LastAdminError);
    await users.create({ username: 'second', password: 'second admin pw', roles: ['admin'] });
    const outcomes = await Promise.allSettled([users.setDisabled('root', true, 'second'), users.changeAccess('second', { roles: ['viewer'] }, 'root')]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: expect.any(LastAdminError) });
    const admins = (await users.list()).filter((user) => user.roles.includes('admin') && !user.disabled);
    expect(admins).toHaveLength(1);
  });

  it('answers undefined for an unknown user, and records nothing for it', async () => {
    expect(await users.changeAccess('ghost', { roles: ['viewer'] }, 'root')).toBeUndefined();
    expect(await users.setDisabled('ghost', true, 'root')).toBeUndefined();
    expect(await users.resetPassword('ghost', 'a password 12345', 'root')).toBeUndefined();
    expect(await users.audit('ghost')).toBeUndefined();
    expect(await users.tokenStatus('ghost', 0)).toBe('unknown');
  });
});
