import readExcelFile from 'read-excel-file/node';
import { xlsxOf } from './xlsx';

describe('xlsx exports', () => {
  it('writes Chinese headers, amounts in yuan with two decimals and dates as dates, one sheet each', async () => {
    const buffer = await xlsxOf([
      {
        name: '收费台账',
        columns: [
          { header: '学生', width: 10 },
          { header: '缴费日期', width: 12, kind: 'date' },
          { header: '金额（元）', width: 12, kind: 'yuan' },
          { header: '天数', width: 6, kind: 'number' },
        ],
        rows: [
          ['王*明', '2026-11-30', 1400, 3],
          ['合计', null, 1400, null],
        ],
      },
      { name: '退费', columns: [{ header: '学生', width: 10 }], rows: [['李*']] },
    ]);
    const sheets = await readExcelFile(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual(['收费台账', '退费']);
    const rows = sheets[0].data;
    expect(rows[0]).toEqual(['学生', '缴费日期', '金额（元）', '天数']);
    expect(rows[1][0]).toBe('王*明');
    expect((rows[1][1] as unknown as Date).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(rows[1][2]).toBe(14);
    expect(rows[2][2]).toBe(14);
  });
});
