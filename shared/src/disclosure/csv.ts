/** A cell a spreadsheet would run as a formula starts with one of these: keep it as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number): string {
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Excel opens it on a Chinese Windows: UTF-8 with a byte-order mark, CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
