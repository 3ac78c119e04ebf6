import { databaseUrlFromEnv, envBaseUrl, envFlag, envWholeNumber, listenAddressFromEnv } from './env.js';

describe('envWholeNumber', () => {
  it('takes the default when the variable is unset or empty', () => {
    expect(envWholeNumber({}, 'X_MS', 250)).toBe(250);
    expect(envWholeNumber({ X_MS: '' }, 'X_MS', 250)).toBe(250);
    expect(envWholeNumber({ X_MS: '  ' }, 'X_MS', 250)).toBe(250);
  });

  it('reads a whole number within the range, edges included', () => {
    expect(envWholeNumber({ X: '0' }, 'X', 9)).toBe(0);
    expect(envWholeNumber({ X: ' 42 ' }, 'X', 9)).toBe(42);
    expect(envWholeNumber({ X: '1' }, 'X', 9, { min: 1, max: 3 })).toBe(1);
    expect(envWholeNumber({ X: '3' }, 'X', 9, { min: 1, max: 3 })).toBe(3);
  });

  it.each([
    ['abc', 'at least 0'],
    ['1.5', 'at least 0'],
    ['1e3', 'at least 0'],
    ['0x10', 'at least 0'],
    ['-1', 'at least 0'],
    ['99999999999999999999', 'at least 0'],
  ])('refuses "%s", naming the variable, what it expects and what it got', (raw, bounds) => {
    expect(() => envWholeNumber({ WEBHOOK_TIMEOUT_MS: raw }, 'WEBHOOK_TIMEOUT_MS', 1, { unit: 'milliseconds' })).toThrow(
      `WEBHOOK_TIMEOUT_MS must be a whole number ${bounds} (milliseconds), got "${raw}"`,
    );
  });

  it('refuses values outside an explicit range', () => {
    expect(() => envWholeNumber({ N: '0' }, 'N', 6, { min: 1, max: 10 })).toThrow('N must be a whole number from 1 to 10, got "0"');
    expect(() => envWholeNumber({ N: '11' }, 'N', 6, { min: 1, max: 10 })).toThrow('N must be a whole number from 1 to 10, got "11"');
  });
});

describe('envFlag', () => {
  it('reads the usual spellings and defaults when unset', () => {
    expect([envFlag({ F: 'true' }, 'F', false), envFlag({ F: 'YES' }, 'F', false), envFlag({ F: '1' }, 'F', false)]).toEqual([true, true, true]);
    expect([envFlag({ F: 'false' }, 'F', true), envFlag({ F: 'No' }, 'F', true), envFlag({ F: '0' }, 'F', true)]).toEqual([false, false, false]);
    expect([envFlag({}, 'F', true), envFlag({}, 'F', false)]).toEqual([true, false]);
  });

  it('refuses anything else instead of reading it as false', () => {
    expect(() => envFlag({ RELAY_ENABLED: 'flase' }, 'RELAY_ENABLED', true)).toThrow('RELAY_ENABLED must be true or false, got "flase"');
  });
});

describe('listenAddressFromEnv', () => {
  it('uses the service default port and the loopback host unless told otherwise', () => {
    expect(listenAddressFromEnv({}, 3002)).toEqual({ port: 3002, host: '127.0.0.1' });
    expect(listenAddressFromEnv({ PORT: '8080', HOST: '0.0.0.0' }, 3002)).toEqual({ port: 8080, host: '0.0.0.0' });
  });

  it('refuses a port that is not a TCP port', () => {
    expect(() => listenAddressFromEnv({ PORT: '70000' }, 3000)).toThrow('PORT must be a whole number from 0 to 65535 (a TCP port), got "70000"');
    expect(() => listenAddressFromEnv({ PORT: 'http' }, 3000)).toThrow('PORT must be a whole number from 0 to 65535 (a TCP port), got "http"');
  });
});

describe('databaseUrlFromEnv', () => {
  it('returns a postgres URL as given', () => {
    expect(databaseUrlFromEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ecab' })).toBe('postgres://postgres@127.0.0.1:5432/ecab');
    expect(databaseUrlFromEnv({ DATABASE_URL: 'postgresql://u@db/ecab' })).toBe('postgresql://u@db/ecab');
  });

  it('says what is missing or wrong', () => {
    expect(() => databaseUrlFromEnv({})).toThrow('DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)');
    expect(() => databaseUrlFromEnv({ DATABASE_URL: 'mysql://db/ecab' })).toThrow('DATABASE_URL must be a postgres:// URL, got "mysql://db/ecab"');
  });
});

describe('envBaseUrl', () => {
  it('drops trailing slashes and keeps the default when unset', () => {
    expect(envBaseUrl({ API_URL: 'http://api.internal:3001//' }, 'API_URL', 'http://127.0.0.1:3001')).toBe('http://api.internal:3001');
    expect(envBaseUrl({}, 'API_URL', 'http://127.0.0.1:3001')).toBe('http://127.0.0.1:3001');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => envBaseUrl({ API_URL: '127.0.0.1:3001' }, 'API_URL', 'x')).toThrow('API_URL must be an http(s) URL, got "127.0.0.1:3001"');
    expect(() => envBaseUrl({ API_URL: 'not a url' }, 'API_URL', 'x')).toThrow('API_URL must be an http(s) URL, got "not a url"');
  });
});
