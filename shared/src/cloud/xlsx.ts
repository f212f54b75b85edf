import writeXlsxFile from 'write-excel-file/node';
import type { ActionContext } from './context';

/**
 * Real .xlsx files for the school office (write-excel-file): Chinese headers, column widths, amounts
 * in yuan with two decimals, dates as dates. Server-only (cloud functions).
 */
export type ColumnKind = 'text' | 'yuan' | 'date' | 'number';

export interface ExportColumn {
  header: string;
  width: number;
  kind?: ColumnKind;
}

export type ExportCell = string | number | null;

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  /** Amounts in fen (a `yuan` column writes fen / 100); dates as YYYY-MM-DD (a `date` column writes a date). */
  rows: ExportCell[][];
}

function cellOf(value: ExportCell, kind: ColumnKind = 'text') {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'yuan':
      return { value: Number(value) / 100, type: Number, format: '#,##0.00' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value))
        ? { value: new Date(`${value}T00:00:00.000Z`), type: Date, format: 'yyyy-mm-dd' }
        : { value: String(value), type: String };
    case 'number':
      return { value: Number(value), type: Number };
    default:
      return { value: String(value), type: String };
  }
}

export async function xlsxOf(sheets: ExportSheet[]): Promise<Buffer> {
  const data = sheets.map((sheet) => [
    sheet.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...sheet.rows.map((row) => row.map((value, i) => cellOf(value, sheet.columns[i]?.kind))),
  ]);
  const file = writeXlsxFile(
    sheets.map((sheet, i) => ({ data: data[i] as never, sheet: sheet.name.slice(0, 31), columns: sheet.columns.map((c) => ({ width: c.width })) })) as never,
  );
  return (await (file as unknown as { toBuffer(): Promise<Buffer> }).toBuffer()) as Buffer;
}

export interface SavedExport {
  fileId: string;
  fileName: string;
  /** A link that expires (getTempFileURL): in WeChat the page downloads it and opens it with wx.openDocument. */
  url: string;
}

/** Saves an export to cloud storage under the school's exports and returns a temporary link. */
export async function saveExport(ctx: ActionContext, schoolId: string, fileName: string, content: Buffer): Promise<SavedExport> {
  const cloudPath = `exports/${schoolId}/${ctx.now().getTime()}-${fileName}`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: content });
  const { fileList } = await ctx.cloud.getTempFileURL({ fileList: [fileID] });
  return { fileId: fileID, fileName, url: fileList[0]?.tempFileURL ?? '' };
}
