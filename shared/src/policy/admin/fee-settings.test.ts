import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { editableFeeSettings } from './fee-settings';

const keys = (settings: ReturnType<typeof editableFeeSettings>) => settings.map((s) => [s.key, s.min, s.max]);

describe('editable fee settings', () => {
  it('000 四(二): qijiang lets the school set the reduction for other hardship', () => {
    expect(keys(editableFeeSettings(qijiang2020))).toEqual([['reductionPercent', 0, 100]]);
  });

  it('001 六2, 三3: yueyang lets the school set its approved term fee and grant reductions', () => {
    expect(keys(editableFeeSettings(yueyang2019))).toEqual([
      ['termFeeFen', 0, undefined],
      ['reductionPercent', 0, 100],
    ]);
  });

  it('003 二(三): xxcity has nothing to set', () => {
    expect(editableFeeSettings(xxcity2024)).toEqual([]);
  });

  it('004 三(五)2: suifenhe lets the school set the senior markup up to 10 %', () => {
    expect(keys(editableFeeSettings(suifenhe2021, '2021-09-01'))).toEqual([['seniorMarkupPercent', 0, 10]]);
  });
});
