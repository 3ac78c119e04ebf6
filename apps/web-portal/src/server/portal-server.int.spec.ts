import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal, type RunningPortal } from './bootstrap.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in for portfolio-api or portfolio-views: records what reached it and answers with its name. */
async function fakeApp(name: string, seen: Seen[]): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      if (request.url === '/health') return void response.writeHead(200).end('{}');
      response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json', etag: '"7"', 'ecab-position': '42' });
      response.end(JSON.stringify({ from: name }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}` };
}

describe('the portal server: the built app and /api on one origin', () => {
  const apiSeen: Seen[] = [];
  const viewsSeen: Seen[] = [];
  let api: Awaited<ReturnType<typeof fakeApp>>;
  let views: Awaited<ReturnType<typeof fakeApp>>;
  let portal: RunningPortal;

  beforeAll(async () => {
    api = await fakeApp('api', apiSeen);
    views = await fakeApp('views', viewsSeen);
    const publicDir = mkdtempSync(join(tmpdir(), 'portal-public-'));
    writeFileSync(join(publicDir, 'index.html'), '<!doctype html><title>portal</title>');
    portal = await startPortal({ port: 0, host: '127.0.0.1', apiUrl: api.url, viewsUrl: views.url, publicDir });
  });

  afterAll(async () => {
    await portal?.close();
    api?.server.close();
    views?.server.close();
  });

  it('passes a command to portfolio-api with its body and headers, and its answer back with status and ETag', async () => {
    const response = await fetch(`${portal.url}/api/v1/projects?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'idempotency-key': 'key-1', 'if-match': '"6"' },
      body: JSON.stringify({ title: 'Road' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"7"');
    expect(await response.json()).toEqual({ from: 'api' });
    const seen = apiSeen.find((s) => s.url === '/api/v1/projects?x=1')!;
    expect(seen).toMatchObject({ method: 'POST', body: JSON.stringify({ title: 'Road' }) });
    expect(seen.headers).toMatchObject({ authorization: 'Bearer t', 'idempotency-key': 'key-1', 'if-match': '"6"' });
  });

  it('passes a read to portfolio-views with its query string, and the ECAB-Position header back', async () => {
    const response = await fetch(`${portal.url}/api/v1/portfolio/summary?groupBy=portfolio`, { headers: { authorization: 'Bearer t' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('ecab-position')).toBe('42');
    expect(await response.json()).toEqual({ from: 'views' });
    expect(viewsSeen.some((s) => s.url === '/api/v1/portfolio/summary?groupBy=portfolio')).toBe(true);
  });

  it('answers every other path with the single-page app, never cached', async () => {
    const response = await fetch(`${portal.url}/projects/ECAB-TR-01?effectiveOn=2025-01-01`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>portal</title>');
    expect(await (await fetch(`${portal.url}/`)).text()).toContain('<title>portal</title>');
  });

  it("sends the security headers: the app's own policy on its pages (scripts from this origin only), the API's on /api", async () => {
    const page = await fetch(`${portal.url}/projects`);
    await page.arrayBuffer();
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy.split('; ').filter((d) => /^(script-src|object-src|frame-ancestors|base-uri) /.test(d))).toEqual([
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]);
    expect([page.headers.get('x-content-type-options'), page.headers.get('x-frame-options'), page.headers.get('x-powered-by')]).toEqual([
      'nosniff',
      'DENY',
      null,
    ]);
    const answer = await fetch(`${portal.url}/api/v1/portfolio/summary`);
    await answer.arrayBuffer();
    expect(answer.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  it('refuses a command body that is not JSON with 415 before passing it on', async () => {
    const before = apiSeen.length;
    const response = await fetch(`${portal.url}/api/v1/projects`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'title=Road' });
    expect([response.status, response.headers.get('content-type')]).toEqual([415, 'application/problem+json']);
    expect(apiSeen.length).toBe(before);
  });

  it('is healthy when both apps behind it are, and says 502 in problem+json when one does not answer', async () => {
    expect((await fetch(`${portal.url}/health`)).status).toBe(200);
    expect((await fetch(`${portal.url}/metrics`)).status).toBe(200);
    await new Promise<void>((resolve) => views.server.close(() => resolve()));
    const response = await fetch(`${portal.url}/api/v1/projects`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toContain('portfolio-views');
    expect((await fetch(`${portal.url}/health`)).status).toBe(503);
  });
});
