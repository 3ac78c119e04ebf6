import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Inject, Res } from '@nestjs/common';

export const PUBLIC_DIR = Symbol('PUBLIC_DIR');

interface HtmlResponse {
  setHeader(name: string, value: string): void;
  status(code: number): HtmlResponse;
  end(body: string): void;
}

/**
 * Every path that is not a file, an /api route, /health or /metrics is a page of the single-page app:
 * index.html, never cached (the files it names are, forever: their names carry their hash).
 */
@Controller()
export class SpaController {
  private index: Promise<string> | undefined;

  constructor(@Inject(PUBLIC_DIR) private readonly publicDir: string) {}

  @Get('{*path}')
  async page(@Res() response: HtmlResponse): Promise<void> {
    this.index ??= readFile(join(this.publicDir, 'index.html'), 'utf8');
    const html = await this.index;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache');
    response.status(200).end(html);
  }
}
