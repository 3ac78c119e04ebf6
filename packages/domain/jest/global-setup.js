// Before the domain's jest run: a fresh directory where each test worker records the rule codes its Given/When/Then
// tests expected and saw thrown (record-expected-rules.js); workers inherit the variable.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  process.env.ECAB_EXPECTED_RULES_DIR = mkdtempSync(join(tmpdir(), 'ecab-expected-rules-'));
}
