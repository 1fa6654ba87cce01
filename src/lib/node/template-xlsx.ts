// The report template as an Excel workbook (write-excel-file, MIT; used at build time and by
// the CLI only). Text columns are text cells, so an office number keeps its leading zero.

import writeXlsxFile from 'write-excel-file/universal';
import type { Template } from '../template.ts';

export const TEMPLATE_SHEET = '工賃実績報告';

export async function templateXlsx(template: Template): Promise<Uint8Array> {
  const headerRow = template.header.map((value) => ({ value, fontWeight: 'bold' as const }));
  const exampleRow = template.example.map((value) =>
    value === null || value === undefined ? null : typeof value === 'number' ? { value, type: Number } : { value, type: String });
  const blob = await writeXlsxFile([headerRow, exampleRow], { sheet: TEMPLATE_SHEET, columns: template.header.map((h) => ({ width: Math.max(10, h.length * 2 + 2) })) }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
