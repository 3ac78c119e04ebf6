import { el, inlineEl, type XmlElement } from '../iati/xml-writer.js';
import type { FigureCell } from './lineage.js';

/** Where a figure's lineage is read (a filed report links each figure to it), and which filing a page is. */
export interface PageOptions {
  lineageHref?: (cell: string) => string;
  filedAs?: { id: string; position: string; codeVersion: string };
}

/** 1234567.5 → "1,234,567.50": a decimal string grouped by thousands for reading (the exact value stays in data-value). */
export function grouped(value: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(value);
  if (!match) return value;
  return `${match[1]}${(match[2] as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

/** A ratio "0.2350" → "23.5 %". */
export function percent(ratio: string): string {
  const hundredths = Math.round(Number(ratio) * 1000);
  return `${(hundredths / 10).toFixed(1)} %`;
}

/**
 * Renders a report's cells: each carries data-cell (its lineage key), data-value (the exact value, '' when it
 * cannot be given) and, where empty, data-note saying why; a filed page links each to the events behind it.
 */
export class CellRenderer {
  private readonly cells: Map<string, FigureCell>;

  constructor(
    cells: readonly FigureCell[],
    private readonly options: PageOptions,
  ) {
    this.cells = new Map(cells.map((c) => [c.key, c]));
  }

  get(key: string): FigureCell | undefined {
    return this.cells.get(key);
  }

  /** A table cell (or another element) holding the figure `key`, shown by `show`; "–" when the report has no such figure. */
  cell(key: string, show: (value: string) => string = grouped, name = 'td', attributes: Record<string, string> = { class: 'amount' }): XmlElement {
    const figure = this.cells.get(key);
    if (!figure) return inlineEl(name, attributes, '–');
    const text = figure.value === '' ? (figure.note?.includes(' rate ') ? 'no rate' : '–') : show(figure.value);
    const content = this.options.lineageHref ? [el('a', { href: this.options.lineageHref(key) }, text)] : text;
    return inlineEl(name, { ...attributes, 'data-cell': key, 'data-value': figure.value, 'data-note': figure.note }, content);
  }
}

export const table = (headers: readonly string[], rows: XmlElement[], attributes: Record<string, string> = {}): XmlElement =>
  el('table', attributes, [
    el('thead', {}, [
      el(
        'tr',
        {},
        headers.map((h) => el('th', {}, h)),
      ),
    ]),
    el('tbody', {}, rows),
  ]);

export const text = (value: string, attributes: Record<string, string> = {}): XmlElement => inlineEl('td', attributes, value);
