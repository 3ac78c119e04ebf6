import 'reflect-metadata';
import { ProblemDetailsFilter } from '@ecab/platform';
import { Controller, Get, type INestApplication, Module, Query } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { z } from 'zod';
import { defineQuery } from '../queries/view-query.js';
import { CsvInterceptor } from './csv.interceptor.js';
import { VIEW_QUERY_LIST } from './view-query-route.js';

const listQuery = defineQuery({
  name: 'ThingList',
  path: 'things',
  tag: 'Test',
  summary: 'things',
  csv: true,
  query: z.object({ cursor: z.string().optional() }).strict(),
});
const oneQuery = defineQuery({ name: 'Thing', path: 'things/:id', pathParameters: ['id'], tag: 'Test', summary: 'one thing', query: z.object({}).strict() });

@Controller('api/v1')
class ThingsController {
  @Get(listQuery.path)
  list(@Query('cursor') cursor?: string): { items: unknown[]; nextCursor: string | null } {
    if (cursor === 'last') return { items: [{ id: 'T-3', money: { amount: '1.00', currency: 'USD' }, tags: [] }], nextCursor: null };
    return {
      items: [
        { id: 'T-1', title: 'Road, "north"', money: { amount: '10.50', currency: 'USD' }, tags: ['a', 'b'] },
        { id: 'T-2', title: 'Rail\nline', money: { amount: '0.00', currency: 'KZT' }, tags: [], closedOn: null },
      ],
      nextCursor: 'next-page',
    };
  }

  @Get(oneQuery.path)
  one(): { id: string } {
    return { id: 'T-1' };
  }
}

@Module({
  controllers: [ThingsController],
  providers: [
    { provide: VIEW_QUERY_LIST, useValue: [listQuery, oneQuery] },
    { provide: APP_INTERCEPTOR, useClass: CsvInterceptor },
  ],
})
class TestModule {}

describe('CSV answers (Accept: text/csv)', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('writes the items as RFC 4180 CSV, as an attachment, with the next cursor in headers', async () => {
    const response = await fetch(`${url}/api/v1/things?x=1`, { headers: { accept: 'text/csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ThingList.csv"');
    expect(response.headers.get('vary')).toBe('Accept');
    expect(response.headers.get('ecab-next-cursor')).toBe('next-page');
    expect(response.headers.get('link')).toBe('</api/v1/things?x=1&cursor=next-page>; rel="next"');
    expect(await response.text()).toBe(
      'id,title,money.amount,money.currency,tags,closedOn\r\n' + 'T-1,"Road, ""north""",10.50,USD,"[""a"",""b""]",\r\n' + 'T-2,"Rail\nline",0.00,KZT,[],\r\n',
    );
  });

  it('sends no next-page headers on the last page', async () => {
    const response = await fetch(`${url}/api/v1/things?cursor=last`, { headers: { accept: 'text/csv;q=0.9, application/json;q=0.1' } });
    expect(response.headers.get('ecab-next-cursor')).toBeNull();
    expect(response.headers.get('link')).toBeNull();
    expect(await response.text()).toBe('id,money.amount,money.currency,tags\r\nT-3,1.00,USD,[]\r\n');
  });

  it('answers JSON by default and when JSON is preferred', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'application/json, text/csv;q=0.5']) {
      const response = await fetch(`${url}/api/v1/things`, { headers: accept ? { accept } : {} });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await response.json()) as { nextCursor: string }).nextCursor).toBe('next-page');
    }
  });

  it('answers 406 problem+json for a type the query does not answer, CSV included when it is not a list', async () => {
    for (const [path, accept] of [
      ['things', 'application/xml'],
      ['things/T-1', 'text/csv'],
    ] as const) {
      const response = await fetch(`${url}/api/v1/${path}`, { headers: { accept } });
      expect(response.status).toBe(406);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await response.json()) as { status: number }).status).toBe(406);
    }
  });
});
