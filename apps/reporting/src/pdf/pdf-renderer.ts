import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { ProblemError, problemType } from '@ecab/platform';
import { chromium, type Browser } from 'playwright-core';

export interface PdfLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/**
 * Prints the report's page to PDF with Debian's Chromium (`apt-get install chromium`, at CHROMIUM_PATH, by default
 * /usr/bin/chromium) driven by playwright-core, which downloads no browser of its own. One browser serves every
 * request: launched on the first PDF asked for (an app that never prints starts none), relaunched if it dies, and
 * closed with the app. Each PDF gets a fresh context with JavaScript off and every network request refused: the
 * page is self-contained. Without Chromium the answer is 503 pdf-renderer-unavailable, saying what to install.
 */
export class PdfRenderer {
  private browser: Promise<Browser> | undefined;
  private closed = false;

  constructor(
    private readonly executablePath: string,
    private readonly log: PdfLog,
  ) {}

  async render(html: string): Promise<Buffer> {
    const browser = await this.launched();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await context.close();
    }
  }

  /** Closes the browser, if one was launched; later renders are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await (await browser.catch(() => undefined))?.close();
  }

  private launched(): Promise<Browser> {
    if (this.closed) return Promise.reject(unavailable('the reporting service is shutting down'));
    this.browser ??= this.launch();
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    try {
      await access(this.executablePath, constants.X_OK);
    } catch {
      this.browser = undefined;
      throw unavailable(`Chromium is not installed at ${this.executablePath} (set CHROMIUM_PATH, or install Debian's package: apt-get install -y chromium)`);
    }
    try {
      const browser = await chromium.launch({ executablePath: this.executablePath, chromiumSandbox: false, args: ['--disable-gpu'] });
      browser.on('disconnected', () => {
        if (!this.closed) this.log.warn({ executablePath: this.executablePath }, 'the PDF browser went away; the next PDF launches another');
        this.browser = undefined;
      });
      this.log.info({ executablePath: this.executablePath, version: browser.version() }, 'PDF browser launched');
      return browser;
    } catch (error) {
      this.browser = undefined;
      throw unavailable(`Chromium at ${this.executablePath} did not start: ${(error as Error).message.split('\n')[0]}`);
    }
  }
}

function unavailable(detail: string): ProblemError {
  return new ProblemError({
    type: problemType('pdf-renderer-unavailable'),
    status: 503,
    detail: `No PDF can be made: ${detail}. The HTML and CSV forms of the report are served as usual.`,
  });
}
