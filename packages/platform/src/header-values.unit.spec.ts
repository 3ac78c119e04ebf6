import { isPrintableText, isVisibleAscii, toHeaderValue } from './header-values.js';

describe('values that reach a header', () => {
  it('visible ASCII: ids such as X-Correlation-Id', () => {
    expect(isVisibleAscii('seed-ecab-demo-portfolio')).toBe(true);
    for (const bad of ['', 'has space', 'tab\there', 'line\r\nInjected: 1', 'caf\u00e9', '\u4e2d', 'x'.repeat(201)]) expect(isVisibleAscii(bad)).toBe(false);
    expect(isVisibleAscii('x'.repeat(200))).toBe(true);
  });

  it('printable text: Unicode names, but no control characters, separators or lone surrogates', () => {
    expect(isPrintableText('jos\u00e9 \u4e2d')).toBe(true);
    for (const bad of ['', 'a\u0000b', 'a\nb', 'a\u0085b', 'a\u2028b', '\ud800', 'x'.repeat(256)]) expect(isPrintableText(bad)).toBe(false);
  });

  it('an HTTP header value made of the text: printable ASCII only, cut to length', () => {
    const text = 'The token algorithm "\u4e2d\u6587\r\n" is not accepted';
    const value = toHeaderValue(text);
    expect(value).toMatch(/^[\x20-\x7e]*$/);
    expect(value).toBe(text.replace(/[^\x20-\x7e]/g, '?'));
    expect(toHeaderValue('y'.repeat(600), 100)).toHaveLength(100);
  });
});
