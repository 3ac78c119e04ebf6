import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * libxml2's xmllint, the real schema validator the IATI checks use (docs/DOMAIN.md §6). `npm test` installs it
 * (infra/debian/ensure-package.sh); run on its own, a test fails with this message instead of skipping.
 */
export function requireXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'xmllint is not installed: `apt-get install -y libxml2-utils` (Debian), or run `npm test`, which installs it through infra/debian/ensure-package.sh',
    );
  }
}

function withFile<T>(xml: string, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ecab-xml-'));
  try {
    const file = join(dir, 'document.xml');
    writeFileSync(file, xml);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SchemaValidation {
  valid: boolean;
  /** xmllint's report: "… validates", or every error with its line. */
  output: string;
}

/** `xmllint --noout --schema <xsd> <file>`: whether the document is valid against the XML Schema. */
export function validateAgainstSchema(xml: string, schemaFile: string): SchemaValidation {
  requireXmllint();
  return withFile(xml, (file) => {
    const run = spawnSync('xmllint', ['--noout', '--schema', schemaFile, file], { encoding: 'utf8' });
    return { valid: run.status === 0, output: `${run.stdout}${run.stderr}`.replaceAll(file, 'document.xml').trim() };
  });
}

/** The string value of an XPath 1.0 expression over the document (`xmllint --xpath 'string(…)'` and the like). */
export function xpath(xml: string, expression: string): string {
  requireXmllint();
  return withFile(xml, (file) => {
    const run = spawnSync('xmllint', ['--xpath', expression, file], { encoding: 'utf8' });
    // An expression that selects nothing exits 10 ("XPath set is empty"): the empty string.
    if (run.status !== 0 && run.status !== 10) throw new Error(`xmllint --xpath ${expression}: ${run.stderr}`);
    return run.status === 10 ? '' : run.stdout.trim();
  });
}
