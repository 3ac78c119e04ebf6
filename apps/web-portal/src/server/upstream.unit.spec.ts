import { answerHeaders, forwardedHeaders, upstreamOf } from './upstream.js';

describe('which app a browser request goes to', () => {
  it('sends reads to portfolio-views and commands and sign-in to portfolio-api', () => {
    expect(upstreamOf('GET', '/api/v1/projects')).toBe('views');
    expect(upstreamOf('HEAD', '/api/v1/portfolio/summary')).toBe('views');
    expect(upstreamOf('POST', '/api/v1/projects')).toBe('api');
    expect(upstreamOf('PUT', '/api/v1/agreements/A/closing-date')).toBe('api');
    expect(upstreamOf('POST', '/api/v1/auth/token')).toBe('api');
    expect(upstreamOf('GET', '/.well-known/jwks.json')).toBe('api');
  });

  it('passes end-to-end headers (authorization, If-Match, Idempotency-Key) and drops hop-by-hop ones', () => {
    const headers = forwardedHeaders({
      authorization: 'Bearer x',
      'if-match': '"3"',
      'idempotency-key': 'k',
      host: 'portal',
      connection: 'keep-alive',
      'content-length': '12',
      accept: ['a', 'b'],
    });
    expect(Object.fromEntries(headers)).toEqual({ authorization: 'Bearer x', 'if-match': '"3"', 'idempotency-key': 'k', accept: 'a, b' });
    const answer = new Headers({ 'content-type': 'application/json', etag: '"4"', 'transfer-encoding': 'chunked', 'ecab-position': '17' });
    expect(Object.fromEntries(answerHeaders(answer))).toEqual({ 'content-type': 'application/json', etag: '"4"', 'ecab-position': '17' });
  });
});
