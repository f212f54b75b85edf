import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { filingDeadline, filingDocuments } from './filing';

describe('filing', () => {
  it('001 五2: 开学后 10 个工作日内 — counted from the day after term start, skipping Saturdays and Sundays', () => {
    expect(filingDeadline(yueyang2019, '2020-09-01')).toBe('2020-09-15');
    expect(filingDeadline(yueyang2019, '2021-03-01')).toBe('2021-03-15');
    expect(filingDeadline(yueyang2019, '2021-02-26')).toBe('2021-03-12');
  });

  it('000 五, 003 五(二), 004: only yueyang sets a day count', () => {
    expect(filingDeadline(qijiang2020, '2020-09-01')).toBeNull();
    expect(filingDeadline(xxcity2024, '2024-09-01')).toBeNull();
    expect(filingDeadline(suifenhe2021, '2021-09-01')).toBeNull();
  });

  it('001 五2: the filing holds seven documents, and two more when outside bodies run items', () => {
    const own = filingDocuments(yueyang2019, { hasExternalProviders: false }).map((d) => d.label);
    expect(own).toEqual([
      '服务实施方案',
      '项目及收费明细',
      '设施设备和管理人员配备',
      '临聘人员劳动合同或劳务协议',
      '安全应急预案',
      '服务人员劳务报酬发放标准',
      '经费筹措与管理使用情况',
    ]);
    const withExternal = filingDocuments(yueyang2019, { hasExternalProviders: true }).map((d) => d.key);
    expect(withExternal.slice(7)).toEqual(['external-agreements', 'external-licences']);
  });

  it('000 五: qijiang files its plan for review before starting; suifenhe files nothing with the bureau', () => {
    expect(qijiang2020.filing).toMatchObject({ authority: '区教委', reviewBeforeStart: true });
    expect(filingDocuments(suifenhe2021, { hasExternalProviders: true })).toEqual([]);
  });
});
