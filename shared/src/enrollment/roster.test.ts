import { normaliseClassName, parseRoster } from './roster';

const classes = [
  { id: 'c32', name: '三年级(2)班' },
  { id: 'c11', name: '一年级(1)班' },
];
const HEADER = ['班级', '学生姓名', '学号', '家长姓名', '家长手机'];

describe('parseRoster: takes the rows it can and says why it did not take the others', () => {
  it('takes good rows, numbers as cells, full-width brackets and two guardians of one child', () => {
    const parsed = parseRoster(
      [
        HEADER,
        ['三年级（2）班', '张三', 30299, '张父', 13900001111],
        ['三年级(2)班', '张三', '30299', '张母', '139-0000-2222'],
        ['一年级(1)班', '李四', '10199', '李父', '13900003333'],
      ],
      classes,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.classId, r.studentNo, r.guardianPhone])).toEqual([
      [2, 'c32', '30299', '13900001111'],
      [3, 'c32', '30299', '13900002222'],
      [4, 'c11', '10199', '13900003333'],
    ]);
  });

  it('reports each bad row with its row number and a Chinese reason', () => {
    const parsed = parseRoster(
      [
        HEADER,
        ['三年级(2)班', '张三', '30299', '张父', '13900001111'],
        ['三年级(2)班', '', '30300', '王父', '13900001112'],
        ['五年级(9)班', '赵六', '50901', '赵父', '13900001113'],
        ['三年级(2)班', '张小三', '30299', '张父', '13900001114'],
        ['三年级(2)班', '钱七', '30301', '钱父', '12345'],
        [],
        ['三年级(2)班', '张三', '30299', '张父', '13900001111'],
        ['三年级(2)班', '孙八', '30 3#', '孙父', '13900001115'],
      ],
      classes,
    );
    expect(parsed.rows.map((r) => r.row)).toEqual([2]);
    expect(parsed.problems).toEqual([
      { row: 3, reason: '缺少学生姓名' },
      { row: 4, reason: '班级「五年级(9)班」不存在，请先在系统中建好班级或核对班级名称' },
      { row: 5, reason: '学号 30299 与第 2 行重复，但姓名或班级不同' },
      { row: 6, reason: '家长手机「12345」不是有效的 11 位手机号' },
      { row: 8, reason: '与第 2 行重复（同一学生、同一家长手机）' },
      { row: 9, reason: '学号「30 3#」格式不正确（只能是数字、字母，最多 20 位）' },
    ]);
  });

  it('finds the header in any column order and refuses a file without one', () => {
    const parsed = parseRoster(
      [
        ['家长手机', '学号', '姓名', '班级', '监护人'],
        ['13900001111', '1', '甲', '一年级(1)班', '乙'],
      ],
      classes,
    );
    expect(parsed.rows).toHaveLength(1);
    expect(
      parseRoster(
        [
          ['a', 'b'],
          ['1', '2'],
        ],
        classes,
      ).fileError,
    ).toMatch(/没有找到表头/);
    expect(parseRoster([], classes).fileError).toMatch(/没有找到表头/);
  });

  it('normalises class names', () => {
    expect(normaliseClassName(' 三年级 （2）班 ')).toBe('三年级(2)班');
  });
});
