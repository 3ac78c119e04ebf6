import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * poppler's pdftotext and pdfinfo (Debian's poppler-utils), which read a PDF independently of whatever wrote it.
 * `npm test` installs them (infra/debian/ensure-package.sh); run on its own, a test fails with this message.
 */
export function requirePdfTools(): void {
  for (const tool of ['pdftotext', 'pdfinfo']) {
    const probe = spawnSync(tool, ['-v'], { encoding: 'utf8' });
    if (probe.error) {
      throw new Error(
        `${tool} is not installed: \`apt-get install -y poppler-utils\` (Debian), or run \`npm test\`, which installs it through infra/debian/ensure-package.sh`,
      );
    }
  }
}

function withPdf<T>(pdf: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ecab-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text, as `pdftotext -layout` lays it out (UTF-8). */
export function pdfText(pdf: Uint8Array): string {
  requirePdfTools();
  return withPdf(pdf, (file) => {
    const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pdftotext: ${run.stderr}`);
    return run.stdout;
  });
}

/** How many pages `pdfinfo` counts in the PDF. */
export function pdfPages(pdf: Uint8Array): number {
  requirePdfTools();
  return withPdf(pdf, (file) => {
    const run = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`pdfinfo: ${run.stderr}`);
    return Number(/^Pages:\s+(\d+)/m.exec(run.stdout)?.[1] ?? '0');
  });
}
