import { scrypt } from 'node:crypto';
import { DEFAULT_SCRYPT, decodePasswordHash, hashPassword, needsRehash, scryptMemoryBytes, verifyPassword } from './password-hash.js';

/** The hash the previous build made by default (N = 2^15): such rows exist in databases today. */
const LEGACY = { ln: 15, r: 8, p: 1 };

function nodeScrypt(params: { ln: number; r: number; p: number }, maxmem: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt('password', 'salt-salt-salt-salt', 32, { N: 2 ** params.ln, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

describe('password hashing (scrypt)', () => {
  it('uses OWASP’s current scrypt parameters: N = 2^17, r = 8, p = 1', () => {
    expect(DEFAULT_SCRYPT).toEqual({ ln: 17, r: 8, p: 1 });
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('encodes its parameters and a random salt, so equal passwords hash differently', async () => {
    const [first, second] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')]);
    expect(first).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toBe(second);
    expect(decodePasswordHash(first).params).toEqual(DEFAULT_SCRYPT);
  });

  it('keeps verifying hashes made with the earlier parameters and flags them for rehashing', async () => {
    const legacy = await hashPassword('a long passphrase', LEGACY);
    expect(await verifyPassword('a long passphrase', legacy)).toBe(true);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash(await hashPassword('a long passphrase'))).toBe(false);
    expect(needsRehash(legacy, { ln: 14, r: 8, p: 1 })).toBe(false);
  });

  it('gives scrypt exactly the memory it needs (maxmem): one byte less is refused by Node', async () => {
    expect(scryptMemoryBytes(DEFAULT_SCRYPT)).toBe(128 * 8 * (2 ** 17 + 2 + 1));
    for (const params of [
      { ln: 14, r: 8, p: 1 },
      { ln: 14, r: 9, p: 3 },
    ]) {
      await expect(nodeScrypt(params, scryptMemoryBytes(params))).resolves.toHaveLength(32);
      await expect(nodeScrypt(params, scryptMemoryBytes(params) - 1)).rejects.toThrow(/memory limit|Invalid scrypt param/i);
    }
  });

  it('treats canonically equivalent Unicode passwords as one', async () => {
    const hash = await hashPassword('caf\u00e9 au lait!');
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true);
  });

  it('refuses parameters below the floor or absurdly high, and hashes that are not ours', async () => {
    await expect(hashPassword('x', { ln: 10, r: 8, p: 1 })).rejects.toThrow(/ln must be between/);
    await expect(verifyPassword('x', '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).rejects.toThrow(
      /ln must be between/,
    );
    // Within each bound, but 4 GiB together: refused before any memory is asked for.
    await expect(verifyPassword('x', '$scrypt$ln=20,r=32,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).rejects.toThrow(/more than/);
    await expect(verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv')).rejects.toThrow(/not an scrypt password hash/);
  });
});
