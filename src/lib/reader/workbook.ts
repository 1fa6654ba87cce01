// Excel workbooks (.xlsx) as records of text cells, for the same reader as CSV. The
// workbook library (read-excel-file) is loaded only when a workbook is read.

/** A line of cells: a CSV record, or a workbook row with its cells as text. */
export interface SourceRecord {
  cells: string[];
  line: number;
}

/** A workbook that cannot be opened; the message is the library's reason. */
export class WorkbookError extends Error {}

/** A cell's address as Excel writes it: column 7 of row 14 is G14, column 28 is AB. */
export function cellAddress(column: number, row: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** An .xlsx file is a zip archive: it starts with "PK\x03\x04". */
export function isWorkbook(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A cell as the text a CSV export would hold: numbers as written, dates as ISO dates. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Every sheet of a workbook, each row a record numbered as the sheet numbers it (1 = row 1). */
export async function workbookRecords(bytes: Uint8Array): Promise<{ sheet: string; records: SourceRecord[] }[]> {
  const { default: readXlsxFile } = await import('read-excel-file/universal');
  let sheets;
  try {
    // Numbers stay as written (parseNumber), so a 10-digit office number or a large sum is exact.
    sheets = await readXlsxFile(bytes.slice().buffer, { parseNumber: (text: string) => text });
  } catch (e) {
    // The library's own words, quoted in the reader's message (reader.workbook_unreadable).
    throw new WorkbookError((e as Error).message);
  }
  return sheets.map(({ sheet, data }) => ({
    sheet,
    records: data.map((cells, i) => ({ cells: cells.map(cellText), line: i + 1 })),
  }));
}
