/**
 * JSON that PostgreSQL wrote (a `jsonListTextSql` column), put into an answer as it is. Parsing a large
 * section in Node only to serialise it again was most of what a read of the project profile cost.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * The JSON text of `answer`, members in its key order, a JsonText member's text spliced in as it is and
 * every other member serialised as `JSON.stringify` would (an undefined member left out). The answer's
 * values are the same as if the JsonText members had been parsed; the text may differ in whitespace.
 */
export function answerJson(answer: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  let plain: Record<string, unknown> | undefined;
  const flush = () => {
    if (!plain) return;
    const text = JSON.stringify(plain);
    if (text.length > 2) parts.push(text.slice(1, -1));
    plain = undefined;
  };
  for (const key of Object.keys(answer)) {
    const value = answer[key];
    if (value instanceof JsonText) {
      flush();
      parts.push(`${JSON.stringify(key)}:${value.text}`);
    } else {
      (plain ??= {})[key] = value;
    }
  }
  flush();
  return `{${parts.join(',')}}`;
}
