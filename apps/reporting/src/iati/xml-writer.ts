/** An XML element: its attributes (undefined ones are left out) and its children (elements or one text). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string | number | undefined>;
  children: XmlElement[] | string;
  /** Children written on the element's own line, with no whitespace between them (HTML phrasing content). */
  inline?: boolean;
}

export function el(name: string, attributes: XmlElement['attributes'] = {}, children: XmlElement[] | string = []): XmlElement {
  return { name, attributes, children };
}

/** An element whose children stay on its line, so no whitespace enters its text (a link in a table cell). */
export function inlineEl(name: string, attributes: XmlElement['attributes'], children: XmlElement[] | string): XmlElement {
  return { name, attributes, children, inline: true };
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for element content and attribute values; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 does not allow are exactly what is removed
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c] as string);
}

/** The document, UTF-8, two-space indented, one element per line (text stays inline). */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

/** An HTML page written as well-formed XHTML syntax (so XML tools can read it too). */
export function renderHtml(root: XmlElement): string {
  return `<!DOCTYPE html>\n${render(root, '')}\n`;
}

function render(element: XmlElement, indent: string): string {
  const attributes = Object.entries(element.attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const open = `${indent}<${element.name}${attributes}`;
  if (typeof element.children === 'string') return `${open}>${escapeXml(element.children)}</${element.name}>`;
  if (element.children.length === 0) return `${open}/>`;
  if (element.inline) return `${open}>${element.children.map((child) => render(child, '')).join('')}</${element.name}>`;
  const inner = element.children.map((child) => render(child, `${indent}  `)).join('\n');
  return `${open}>\n${inner}\n${indent}</${element.name}>`;
}
