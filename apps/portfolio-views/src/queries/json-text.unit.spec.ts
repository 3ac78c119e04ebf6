import { answerJson, JsonText } from './json-text.js';

describe('answerJson', () => {
  it('splices JSON text members in as they are, in the answer’s key order, around members it serialises', () => {
    const text = answerJson({ id: 'P-1', count: 2, items: new JsonText('[{"a" : 1}, \n {"a" : 2}]'), tail: null, nested: { b: [1, 'x'] } });
    expect(text).toBe('{"id":"P-1","count":2,"items":[{"a" : 1}, \n {"a" : 2}],"tail":null,"nested":{"b":[1,"x"]}}');
    expect(JSON.parse(text)).toEqual({ id: 'P-1', count: 2, items: [{ a: 1 }, { a: 2 }], tail: null, nested: { b: [1, 'x'] } });
  });

  it('answers what JSON.stringify answers when every member is plain, leaving undefined ones out', () => {
    const answer = { a: 'é"\n', b: undefined, c: [], d: { e: 1.5 } };
    expect(answerJson(answer)).toBe(JSON.stringify(answer));
    expect(answerJson({})).toBe('{}');
  });

  it('handles JSON text members first, last, next to each other and alone', () => {
    expect(answerJson({ a: new JsonText('[]'), b: new JsonText('{"x":1}') })).toBe('{"a":[],"b":{"x":1}}');
    expect(answerJson({ a: new JsonText('[1]'), b: 2, c: undefined })).toBe('{"a":[1],"b":2}');
    expect(answerJson({ 'key "quoted"': new JsonText('true') })).toBe('{"key \\"quoted\\"":true}');
  });
});
