import { inflateRawSync } from 'node:zlib';

/**
 * Reads an XLSX workbook back without the library that wrote it: the ZIP container by its central directory
 * (node's zlib inflates), then the sheets' XML (SpreadsheetML) read for their cells. Enough for tests to check
 * that a sheet exists and that a cell is a number (not text) of a given value.
 */
export interface XlsxSheet {
  name: string;
  /** Rows by their number (1-based), each cell by its column letters: a number, a string, or a boolean. */
  rows: Map<number, Map<string, number | string | boolean>>;
}

/** The ZIP archive's files by name. */
export function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP archive: no end of central directory');
  const entries = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < entries; i += 1) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('ZIP central directory entry expected');
    const method = archive.readUInt16LE(at + 10);
    const compressed = archive.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [archive.readUInt16LE(at + 28), archive.readUInt16LE(at + 30), archive.readUInt16LE(at + 32)];
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + compressed);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) =>
    entity.startsWith('#x')
      ? String.fromCodePoint(parseInt(entity.slice(2), 16))
      : entity.startsWith('#')
        ? String.fromCodePoint(Number(entity.slice(1)))
        : (ENTITIES[entity] ?? whole),
  );
/** The text of an element's <t> runs (a shared or inline string, rich text included). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1] ?? '')).join('');
const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/** The workbook's sheets in their order, with their cells. */
export function readXlsx(workbook: Buffer): XlsxSheet[] {
  const files = unzip(workbook);
  const text = (name: string) => files.get(name)?.toString('utf8') ?? '';
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1] ?? ''));
  const targets = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s([^>]*?)\/?>/g)].map((m) => [attribute(m[1] ?? '', 'Id'), attribute(m[1] ?? '', 'Target')]),
  );
  return [...text('xl/workbook.xml').matchAll(/<sheet\s([^>]*?)\/?>/g)].map((m) => {
    const attributes = m[1] ?? '';
    const target = (targets.get(attribute(attributes, 'r:id')) ?? '').replace(/^\/?(xl\/)?/, '');
    const rows = new Map<number, Map<string, number | string | boolean>>();
    for (const c of text(`xl/${target}`).matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const [cellAttributes, body = ''] = [c[1] ?? '', c[2]];
      const [, column = '', row = '0'] = /^([A-Z]+)(\d+)$/.exec(attribute(cellAttributes, 'r') ?? '') ?? [];
      const type = attribute(cellAttributes, 't') ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: number | string | boolean | undefined;
      if (type === 's' && v !== undefined) value = shared[Number(v)];
      else if (type === 'inlineStr') value = textOf(body);
      else if (type === 'str' && v !== undefined) value = unescape(v);
      else if (type === 'b' && v !== undefined) value = v === '1';
      else if (v !== undefined) value = Number(v);
      if (value === undefined) continue;
      if (!rows.has(Number(row))) rows.set(Number(row), new Map());
      rows.get(Number(row))?.set(column, value);
    }
    return { name: unescape(attribute(attributes, 'name') ?? ''), rows };
  });
}

/** A sheet's rows as records keyed by its first row's headers. */
export function sheetRecords(sheet: XlsxSheet): Record<string, number | string | boolean>[] {
  const header = sheet.rows.get(1) ?? new Map();
  return [...sheet.rows.entries()]
    .filter(([n]) => n > 1)
    .sort(([a], [b]) => a - b)
    .map(([, cells]) => Object.fromEntries([...cells].map(([column, value]) => [String(header.get(column) ?? column), value])));
}
