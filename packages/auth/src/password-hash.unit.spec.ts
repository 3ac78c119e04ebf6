import { decodePasswordHash, hashPassword, needsRehash, verifyPassword } from './password-hash.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('encodes its parameters and a random salt, so equal passwords hash differently', async () => {
    const [first, second] = await Promise.all([hashPassword('same password!'), hashPassword('same password!')]);
    expect(first).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(first).not.toBe(second);
    expect(decodePasswordHash(first).params).toEqual({ ln: 15, r: 8, p: 1 });
  });

  it('keeps verifying hashes made with other parameters and flags weaker ones for rehashing', async () => {
    const stronger = await hashPassword('a long passphrase', { ln: 16, r: 8, p: 1 });
    expect(await verifyPassword('a long passphrase', stronger)).toBe(true);
    expect(needsRehash(stronger)).toBe(false);
    const weaker = await hashPassword('a long passphrase', { ln: 14, r: 8, p: 1 });
    expect(needsRehash(weaker)).toBe(true);
  });

  it('treats canonically equivalent Unicode passwords as one', async () => {
    const hash = await hashPassword('caf\u00e9 au lait!');
    expect(await verifyPassword('cafe\u0301 au lait!', hash)).toBe(true);
  });

  it('refuses parameters below the floor or absurdly high, and hashes that are not ours', async () => {
    await expect(hashPassword('x', { ln: 10, r: 8, p: 1 })).rejects.toThrow(/ln must be between/);
    await expect(verifyPassword('x', '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).rejects.toThrow(/ln must be between/);
    await expect(verifyPassword('x', '$2b$10$abcdefghijklmnopqrstuv')).rejects.toThrow(/not an scrypt password hash/);
  });
});
