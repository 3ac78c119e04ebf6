import 'reflect-metadata';
import { Body, Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import net from 'node:net';
import { configureHttpApp, isJsonMediaType } from './http-app.js';
import { problemTitle } from './problem.js';
import { API_CONTENT_SECURITY_POLICY, DOCS_CONTENT_SECURITY_POLICY, SECURITY_HEADERS, styledPageContentSecurityPolicy } from './security-headers.js';
import { serveOpenApi } from './openapi.js';

@Controller('things')
class ThingsController {
  @Get()
  list(): { items: never[] } {
    return { items: [] };
  }

  @Post()
  create(@Body() body: unknown): { received: unknown } {
    return { received: body };
  }
}

@Module({ controllers: [ThingsController] })
class TestModule {}

describe('configureHttpApp: what every app does to its HTTP server', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    configureHttpApp(app);
    serveOpenApi(app, { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('sends the security headers on every answer, and no X-Powered-By', async () => {
    for (const path of ['/things', '/nowhere']) {
      const response = await fetch(`${url}${path}`);
      await response.arrayBuffer();
      expect(response.headers.get('x-powered-by')).toBeNull();
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
      expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    }
  });

  it('gives the Swagger UI page a policy that lets its own scripts and styles run', async () => {
    const page = await fetch(`${url}/api/docs`);
    expect(await page.text()).toContain('swagger-ui-init.js');
    expect(page.headers.get('content-security-policy')).toBe(DOCS_CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 415 problem+json to a body that is not JSON, or has no Content-Type', async () => {
    const sent: { headers: Record<string, string>; body: string | Blob }[] = [
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'amount=1' },
      { headers: { 'content-type': 'text/plain' }, body: '{"amount":"1"}' },
      { headers: {}, body: new Blob(['{"amount":"1"}']) },
    ];
    for (const request of sent) {
      const response = await fetch(`${url}/things`, { method: 'POST', ...request });
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 415,
        title: problemTitle(415),
        type: 'urn:problem:ecab:unsupported-media-type',
        instance: '/things',
      });
    }
    const json = await fetch(`${url}/things`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":1}' });
    expect(json.status).toBe(201);
    expect(await json.json()).toEqual({ received: { a: 1 } });
    const empty = await fetch(`${url}/things`, { method: 'POST' });
    expect(empty.status).toBe(201);
  });

  it('answers a request Node cannot parse (a control character in a header) with a problem, not a bare status line', async () => {
    const raw = await rawRequest(url, 'GET /things HTTP/1.1\r\nHost: x\r\nX-Correlation-Id: a\u0001b\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, title: problemTitle(400) });
  });

  it('knows JSON media types', () => {
    expect(['application/json', 'Application/JSON; charset=utf-8', 'application/merge-patch+json'].every(isJsonMediaType)).toBe(true);
    expect(['text/json', 'application/jsonx', 'multipart/form-data', ''].some(isJsonMediaType)).toBe(false);
  });
});

function rawRequest(base: string, request: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(Buffer.from(request, 'latin1')));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe("configureHttpApp with a page of the app's own", () => {
  let app: INestApplication;
  let url: string;
  const pagePolicy = styledPageContentSecurityPolicy('q83vEjJd3NkJ+YEpY5BZ5oU+PHjF1P6zmtBNeRnvcTk=');

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    configureHttpApp(app, [], { contentSecurityPolicy: (path) => (path === '/things' ? pagePolicy : undefined) });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it("gives that path its own policy (only its hashed inline style) and every other path the API's", async () => {
    const page = await fetch(`${url}/things?page=1`);
    await page.arrayBuffer();
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'sha256-q83vEjJd3NkJ+YEpY5BZ5oU+PHjF1P6zmtBNeRnvcTk='; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    const other = await fetch(`${url}/nowhere`);
    await other.arrayBuffer();
    expect(other.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});
