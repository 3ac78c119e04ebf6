/** A column of a table's header: its label, right-aligned for figures, or read only to screen readers (actions). */
export interface Column {
  label: string;
  numeric?: boolean;
  hidden?: boolean;
}

/** The header row every table of the portal has: one `<th scope="col">` per column. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
            {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
