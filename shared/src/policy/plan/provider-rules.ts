import { type Violation, violation } from '../core/violation';
import { PROVIDER_LABELS } from '../domain';
import type { PolicyProfile } from '../profiles/types';
import type { Activity } from '../schemas';

/**
 * provider.blacklisted, provider.not-vetted, provider.for-profit for one activity's provider.
 * Anyone other than the school's own staff must be vetted; where the profile keeps a white list
 * (suifenhe, public-interest bodies) being vetted is not enough without being on it.
 */
export function providerViolations(profile: PolicyProfile, activity: Activity, path: string): Violation[] {
  const rules = profile.providers;
  const provider = activity.provider;
  const who = `「${activity.name || '未命名项目'}」的${PROVIDER_LABELS[provider.type]}`;
  const violations: Violation[] = [];

  if (provider.list === 'black') {
    violations.push(violation('provider.blacklisted', `${who}在黑名单上，不得参与课后服务。`, rules.blacklistForbidden, path));
  }
  const whiteList = rules.whiteListRequired;
  if (provider.type !== 'staff' && !provider.vetted) {
    violations.push(violation('provider.not-vetted', `${who}未经审核，不得入校提供课后服务。`, rules.vettingRequired, path));
  } else if (whiteList?.value.includes(provider.type) && provider.list !== 'white') {
    violations.push(violation('provider.not-vetted', `${who}不在公益性机构白名单上，不得参与课后服务。`, whiteList.citation, path));
  }
  if (rules.forProfitForbidden && provider.type === 'company') {
    violations.push(violation('provider.for-profit', `${who}是经营性企业或校外培训机构，本地政策严禁引入。`, rules.forProfitForbidden, path));
  }
  return violations;
}
