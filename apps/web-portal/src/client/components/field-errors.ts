import type { FieldProblem } from '../api/http';

/** What a form field answers for: its name, and the body field the API names in its errors when that differs. */
export interface PlacedField {
  name: string;
  /** A path in the body, `/`-separated (`period/start`, `ratings/outputs`, `countries`); defaults to the name. */
  apiField?: string | undefined;
}

export interface PlacedErrors {
  /** Form field name → its problems, joined. */
  fields: Record<string, string>;
  /** Problems no field of the form answers for, with their pointer. */
  other: string[];
}

/**
 * Puts each problem (a JSON pointer and what is wrong there, as a 400 from the API lists them, or as the
 * browser's own check of the same schema finds them) beside the field it is about: the field whose body
 * path is the pointer, else the one whose path the pointer lies under (`/countries/0/percentage` belongs
 * to the first `countries` field), else the first field under a problem about a whole object (`/period`).
 */
export function placeFieldErrors(problems: readonly FieldProblem[], fields: readonly PlacedField[]): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, other: [] };
  const pathOf = (field: PlacedField) => field.apiField ?? field.name;
  for (const { pointer, detail } of problems) {
    const path = pointer.replace(/^\//, '');
    const field =
      fields.find((f) => pathOf(f) === path) ??
      fields
        .filter((f) => path.startsWith(`${pathOf(f)}/`))
        .sort((a, b) => pathOf(b).length - pathOf(a).length)
        .at(0) ??
      (path === '' ? undefined : fields.find((f) => pathOf(f).startsWith(`${path}/`)));
    if (field) placed.fields[field.name] = placed.fields[field.name] ? `${placed.fields[field.name]}; ${detail}` : detail;
    else placed.other.push(path ? `${path}: ${detail}` : detail);
  }
  return placed;
}
