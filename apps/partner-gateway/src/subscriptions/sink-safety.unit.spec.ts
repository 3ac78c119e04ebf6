import { isPublicAddress, sinkRefusal } from './sink-safety.js';

describe('sink safety', () => {
  it.each([
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '127.0.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])('%s is public', (address) => expect(isPublicAddress(address)).toBe(true));

  const policy = { allowedHosts: ['127.0.0.1'] };
  it('needs https unless the host is allowed', async () => {
    expect(await sinkRefusal(policy, 'http://8.8.8.8/hook')).toBe('must be an https URL');
    expect(await sinkRefusal(policy, 'http://127.0.0.1:9/hook')).toBeUndefined();
    expect(await sinkRefusal(policy, 'not a url')).toBe('must be an absolute URL');
    expect(await sinkRefusal(policy, 'https://user:pw@8.8.8.8/')).toBe('must not carry credentials');
  });

  it('refuses private, loopback and link-local addresses, also behind a name', async () => {
    expect(await sinkRefusal({ allowedHosts: [] }, 'https://127.0.0.1/hook')).toMatch(/127\.0\.0\.1, a private/);
    expect(await sinkRefusal({ allowedHosts: [] }, 'https://169.254.169.254/latest')).toMatch(/link-local/);
    expect(await sinkRefusal({ allowedHosts: [] }, 'https://[::1]/hook')).toMatch(/::1/);
    expect(await sinkRefusal({ allowedHosts: [] }, 'https://localhost/hook')).toMatch(/localhost resolves to/);
    expect(await sinkRefusal({ allowedHosts: [] }, 'https://8.8.8.8/hook')).toBeUndefined();
  });
});
