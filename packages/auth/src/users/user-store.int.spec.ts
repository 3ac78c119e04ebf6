import { performance } from 'node:perf_hooks';
import { authDatabase } from '../test-support/auth-database.js';
import { ensureAdminUser } from './ensure-admin-user.js';
import { UserAlreadyExistsError, UserStore } from './user-store.js';

describe('UserStore (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof authDatabase>>;
  let users: UserStore;

  beforeAll(async () => {
    db = await authDatabase('auth_users');
    users = new UserStore(db.dataSource);
  });
  afterAll(() => db.close());

  it('creates a user and verifies its password, never exposing the hash', async () => {
    const created = await users.create({ username: 'PM.Transport', password: 'long enough password', roles: ['program-manager'], clusters: ['transport'] });
    expect(created).toEqual({
      username: 'pm.transport',
      roles: ['program-manager'],
      clusters: ['transport'],
      disabled: false,
      tokenEpoch: 0,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await users.verifyPassword('pm.transport', 'long enough password')).toMatchObject({ username: 'pm.transport' });
    expect(await users.verifyPassword('PM.TRANSPORT', 'long enough password')).toMatchObject({ username: 'pm.transport' });
    expect(await users.verifyPassword('pm.transport', 'wrong password here')).toBeUndefined();
    expect(JSON.stringify(await users.find('pm.transport'))).not.toContain('scrypt');

    const [row] = await db.dataSource.query<{ password_hash: string }[]>("SELECT password_hash FROM users WHERE username = 'pm.transport'");
    expect(row?.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(row?.password_hash).not.toContain('long enough password');
  });

  it('stores no clusters as every cluster', async () => {
    await users.create({ username: 'viewer', password: 'viewer password 1', roles: ['viewer'] });
    const [row] = await db.dataSource.query<{ clusters: unknown }[]>("SELECT clusters FROM users WHERE username = 'viewer'");
    expect(row?.clusters).toBeNull();
    expect((await users.find('viewer'))?.clusters).toBeUndefined();
  });

  it('refuses duplicates (case-insensitively), short passwords, bad names and unknown roles', async () => {
    await expect(users.create({ username: 'Viewer', password: 'another password', roles: ['viewer'] })).rejects.toThrow(UserAlreadyExistsError);
    await expect(users.create({ username: 'shorty', password: 'short', roles: ['viewer'] })).rejects.toThrow(/12 to 1024/);
    await expect(users.create({ username: "robert'); drop table users;--", password: 'long enough password', roles: ['viewer'] })).rejects.toThrow(/username/);
    await expect(users.create({ username: 'ghost', password: 'long enough password', roles: ['root' as 'admin'] })).rejects.toThrow(/known role/);
  });

  it('answers an unknown user like a wrong password, spending a hash on it too', async () => {
    await users.verifyPassword('nobody', 'warm up the dummy hash');
    const time = async (username: string) => {
      const start = performance.now();
      expect(await users.verifyPassword(username, 'wrong password here')).toBeUndefined();
      return performance.now() - start;
    };
    const unknown = Math.min(await time('nobody-at-all'), await time('nobody-at-all'));
    const wrong = Math.min(await time('viewer'), await time('viewer'));
    // Both pay one scrypt; a missing dummy hash would make the unknown user ~100× faster.
    expect(unknown).toBeGreaterThan(wrong * 0.3);
  });

  it('upgrades a hash made with the earlier parameters (N = 2^15) at the next successful login', async () => {
    await new UserStore(db.dataSource, { scrypt: { ln: 15, r: 8, p: 1 } }).create({ username: 'legacy', password: 'legacy password!', roles: ['viewer'] });
    expect(await users.verifyPassword('legacy', 'legacy password!')).toBeDefined();
    const [row] = await db.dataSource.query<{ password_hash: string }[]>("SELECT password_hash FROM users WHERE username = 'legacy'");
    expect(row?.password_hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await users.verifyPassword('legacy', 'legacy password!')).toBeDefined();
  });

  it('ensureAdminUser creates the admin once and never overwrites it, even when seeded concurrently', async () => {
    const results = await Promise.all([1, 2, 3].map(() => ensureAdminUser(users, { username: 'admin', password: 'first admin password' })));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await ensureAdminUser(users, { username: 'admin', password: 'second admin password' })).toEqual({ created: false });
    expect(await users.verifyPassword('admin', 'first admin password')).toMatchObject({ roles: ['admin'] });
    expect(await users.verifyPassword('admin', 'second admin password')).toBeUndefined();
  });
});
