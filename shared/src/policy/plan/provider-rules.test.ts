import type { RuleId } from '../core/violation';
import type { ProviderType } from '../domain';
import { qijiang2020 } from '../profiles/qijiang-2020';
import { suifenhe2021 } from '../profiles/suifenhe-2021';
import type { PolicyProfile } from '../profiles/types';
import { xxcity2024 } from '../profiles/xxcity-2024';
import { yueyang2019 } from '../profiles/yueyang-2019';
import { activitySchema } from '../schemas';
import { providerViolations } from './provider-rules';

const broken = (profile: PolicyProfile, type: ProviderType, vetted: boolean, list: 'white' | 'black' | null = null): RuleId[] =>
  providerViolations(profile, activitySchema.parse({ name: '篮球', category: 'sports', provider: { type, vetted, list } }), 'activities[0].provider').map(
    (v) => v.ruleId,
  );

describe('provider rules', () => {
  it('000 四(四): 严禁未按程序审核的机构和个人入校 — anyone but staff must be vetted', () => {
    expect(broken(qijiang2020, 'staff', false)).toEqual([]);
    expect(broken(qijiang2020, 'volunteer', false)).toEqual(['provider.not-vetted']);
    expect(broken(qijiang2020, 'nonprofit', false)).toEqual(['provider.not-vetted']);
    expect(broken(qijiang2020, 'company', false)).toEqual(['provider.not-vetted']);
    expect(broken(qijiang2020, 'company', true)).toEqual([]);
  });

  it('000 四(四): 严禁有不良记录的机构和人员参与 — a blacklisted provider is refused, even a vetted one', () => {
    expect(broken(qijiang2020, 'nonprofit', true, 'black')).toEqual(['provider.blacklisted']);
    expect(broken(yueyang2019, 'staff', true, 'black')).toEqual(['provider.blacklisted']);
  });

  it('001 四3 and 003 五(二): yueyang and xxcity may bring in vetted companies', () => {
    expect(broken(yueyang2019, 'company', true)).toEqual([]);
    expect(broken(xxcity2024, 'company', true)).toEqual([]);
    expect(broken(xxcity2024, 'company', false)).toEqual(['provider.not-vetted']);
  });

  it('004 四(三)1: 严禁引入经营性企业或其它以营利为目的的第三方机构 — suifenhe refuses any company', () => {
    expect(broken(suifenhe2021, 'company', true)).toEqual(['provider.for-profit']);
    expect(broken(suifenhe2021, 'company', false)).toEqual(['provider.not-vetted', 'provider.for-profit']);
  });

  it('004 四(三)1: 公益性机构黑白名单制度 — a public-interest body must be on the white list', () => {
    expect(broken(suifenhe2021, 'nonprofit', true, 'white')).toEqual([]);
    expect(broken(suifenhe2021, 'nonprofit', true)).toEqual(['provider.not-vetted']);
    expect(broken(suifenhe2021, 'nonprofit', true, 'black')).toEqual(['provider.blacklisted', 'provider.not-vetted']);
    expect(broken(suifenhe2021, 'volunteer', true)).toEqual([]);
  });

  it('reports not-vetted once per provider', () => {
    expect(broken(suifenhe2021, 'nonprofit', false)).toEqual(['provider.not-vetted']);
  });
});
