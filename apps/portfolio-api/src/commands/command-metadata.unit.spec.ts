import { ProblemError } from '@ecab/platform';
import { commandContextFrom } from './command-metadata.js';
import { todayInAlmaty } from './today.js';

describe('command context from HTTP headers', () => {
  it('reads If-Match as the expected stream version, quoted, weak or bare', () => {
    expect(commandContextFrom({ 'if-match': '"3"' }).expectedVersion).toBe(3);
    expect(commandContextFrom({ 'if-match': 'W/"4"' }).expectedVersion).toBe(4);
    expect(commandContextFrom({ 'if-match': '5' }).expectedVersion).toBe(5);
    expect(commandContextFrom({}).expectedVersion).toBeUndefined();
  });

  it('rejects an If-Match that is not a version with a 400 problem', () => {
    expect(() => commandContextFrom({ 'if-match': '"abc"' })).toThrow(ProblemError);
    try {
      commandContextFrom({ 'if-match': '*' });
    } catch (error) {
      expect((error as ProblemError).problem.status).toBe(400);
    }
  });

  it('keeps a valid traceparent and correlation id, and drops a malformed traceparent', () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const context = commandContextFrom({ traceparent, 'x-correlation-id': 'corr-1' });
    expect(context).toMatchObject({ traceparent, correlationId: 'corr-1' });
    expect(commandContextFrom({ traceparent: 'garbage' }).traceparent).toBeUndefined();
  });

  it('rejects an X-Correlation-Id that is not safe in a Kafka header with a 400 problem', () => {
    for (const bad of ['', 'has spaces', 'line\r\nbreak', 'caf\u00e9', 'x'.repeat(201)]) {
      expect(() => commandContextFrom({ 'x-correlation-id': bad })).toThrow(expect.objectContaining({ problem: expect.objectContaining({ status: 400 }) }));
    }
    expect(commandContextFrom({ 'x-correlation-id': 'x'.repeat(200) }).correlationId).toBe('x'.repeat(200));
  });

  it('gives every command its own id and a correlation id when none was sent', () => {
    const a = commandContextFrom({});
    const b = commandContextFrom({});
    expect(a.commandId).not.toBe(b.commandId);
    expect(a.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('Idempotency-Key', () => {
  it('is scoped to the sender and fingerprints the request', () => {
    const request = { route: 'POST /api/v1/projects/X/commitments', body: { amount: '1.00' } };
    const a = commandContextFrom({ 'idempotency-key': 'k-1' }, undefined, request);
    const b = commandContextFrom({ 'idempotency-key': 'k-1' }, undefined, { ...request, body: { amount: '2.00' } });
    expect(a.idempotency?.key).toBe('anonymous:k-1');
    expect(a.idempotency?.requestFingerprint).toBe(commandContextFrom({ 'idempotency-key': 'k-1' }, undefined, request).idempotency?.requestFingerprint);
    expect(a.idempotency?.requestFingerprint).not.toBe(b.idempotency?.requestFingerprint);
  });

  it('rejects a malformed key with a 400 problem', () => {
    expect(() => commandContextFrom({ 'idempotency-key': 'has spaces in it' })).toThrow(ProblemError);
    expect(() => commandContextFrom({ 'idempotency-key': 'x'.repeat(201) })).toThrow(ProblemError);
  });
});

describe("today's date in Almaty", () => {
  it('is already the next day in Almaty when it is evening in UTC', () => {
    expect(todayInAlmaty(new Date('2026-11-26T20:30:00Z'))).toBe('2026-11-27');
    expect(todayInAlmaty(new Date('2026-11-26T10:00:00Z'))).toBe('2026-11-26');
  });
});
