import { BadRequestException, NotAcceptableException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ProblemDetailsFilter, serviceUnavailableWhen } from './problem-details.filter.js';
import { ProblemError, problemTitle } from './problem.js';

function fakeHost(): { host: ArgumentsHost; sent: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } } {
  const sent: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } = { headers: {} };
  const response = {
    set statusCode(code: number) {
      sent.status = code;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
    },
    end(body: string) {
      sent.body = JSON.parse(body) as Record<string, unknown>;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ originalUrl: '/api/v1/projects' }) }) } as unknown as ArgumentsHost;
  return { host, sent };
}

class CustomRuleError extends Error {}

describe('ProblemDetailsFilter', () => {
  it('renders a ProblemError as application/problem+json with its instance', () => {
    const { host, sent } = fakeHost();
    new ProblemDetailsFilter().catch(ProblemError.conflict('stale', { actualVersion: 3 }), host);
    expect(sent.status).toBe(409);
    expect(sent.headers['content-type']).toBe('application/problem+json');
    expect(sent.body).toMatchObject({ status: 409, title: 'Conflict', detail: 'stale', actualVersion: 3, instance: '/api/v1/projects' });
  });

  it('lets the app map its own errors', () => {
    const { host, sent } = fakeHost();
    const filter = new ProblemDetailsFilter([(e) => (e instanceof CustomRuleError ? ProblemError.ruleViolated('X', 'broken') : undefined)]);
    filter.catch(new CustomRuleError('x'), host);
    expect(sent.status).toBe(422);
    expect(sent.body).toMatchObject({ code: 'X', type: 'urn:problem:ecab:rule/X' });
  });

  it('turns malformed JSON bodies into a 400, not a 500', () => {
    const { host, sent } = fakeHost();
    new ProblemDetailsFilter().catch(Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed', status: 400 }), host);
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({ errors: [{ pointer: '', detail: 'The body is not valid JSON.' }] });
  });

  it('keeps Nest HTTP exceptions as problems', () => {
    const { host, sent } = fakeHost();
    new ProblemDetailsFilter().catch(new BadRequestException('bad'), host);
    expect(sent.status).toBe(400);
  });

  it('answers 500 without leaking the error for anything unknown', () => {
    const { host, sent } = fakeHost();
    new ProblemDetailsFilter().catch(new Error('secret connection string'), host);
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret');
  });

  it('answers 503 with Retry-After when a dependency is down, not 500', () => {
    const { host, sent } = fakeHost();
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    new ProblemDetailsFilter([serviceUnavailableWhen((e) => (e as { code?: string }).code === 'ECONNREFUSED')]).catch(outage, host);
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('5');
    expect(sent.body).toMatchObject({ type: 'urn:problem:ecab:service-unavailable' });
  });

  it('writes a header that quotes a client (non-Latin-1, control characters) as printable ASCII, not as a 500', () => {
    const { host, sent } = fakeHost();
    const sentValue = 'alg "\u4e2d\u6587" \r\n\u0000';
    new ProblemDetailsFilter().catch(new ProblemError({ type: 'urn:x', status: 401, detail: sentValue }, { 'WWW-Authenticate': `Bearer ${sentValue}` }), host);
    expect(sent.status).toBe(401);
    expect(sent.headers['www-authenticate']).toBe(`Bearer ${sentValue.replace(/[^\x20-\x7e]/g, '?')}`);
    expect(sent.body).toMatchObject({ detail: sentValue });
  });

  it('gives every problem of a status the same title, whoever throws it', () => {
    const titleOf = (error: unknown) => {
      const { host, sent } = fakeHost();
      new ProblemDetailsFilter().catch(error, host);
      return sent.body?.title;
    };
    const notFound = [new NotFoundException('x'), ProblemError.notFound('y'), new ProblemError({ type: 'urn:z', status: 404, title: 'Something else' })];
    expect(notFound.map(titleOf)).toEqual(notFound.map(() => problemTitle(404)));
    expect(titleOf(new NotAcceptableException())).toBe(problemTitle(406));
  });
});
