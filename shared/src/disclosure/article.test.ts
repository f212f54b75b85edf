import { enrolmentEntryPath } from '../enrollment/entry-path';
import { renderArticle } from './article';
import { publicationFees } from './fee-text';
import { escapeHtml } from './html';
import { profiles, validContent } from './test-fixtures';
import type { PublicationRecord } from './types';

function publication(overrides: Partial<PublicationRecord> = {}): PublicationRecord {
  const content = validContent();
  return {
    _id: 's:t:v1',
    schoolId: 's',
    termId: 't',
    version: 1,
    current: true,
    profileId: 'suifenhe-2021',
    schoolName: '绥芬河市第一小学',
    termName: '2026—2027 学年第一学期',
    publishedAt: '2026-08-28T02:00:00.000Z',
    content,
    fees: publicationFees(profiles.suifenhe, content.feeSettings, '2026-09-01'),
    ...overrides,
  };
}

describe('the official-account article', () => {
  it('escapes every text the school wrote', () => {
    expect(escapeHtml(`<script>alert("x")</script> & '`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;');
    const p = publication();
    p.content.items[1].name = '<img src=x onerror=alert(1)>围棋';
    p.content.safety.measures = '第一行\n第二行 <b>粗</b>';
    const { html } = renderArticle(p, enrolmentEntryPath('s', 't'));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;围棋');
    expect(html).toContain('第一行<br/>第二行 &lt;b&gt;粗&lt;/b&gt;');
  });

  it('uses inline styles only and carries the same content as the public page, with the mini-program path to 报名', () => {
    const { title, html } = renderArticle(publication(), enrolmentEntryPath('school-sfh-1', 'term-sfh-2026-autumn'));
    expect(title).toBe('绥芬河市第一小学2026—2027 学年第一学期课后服务公告');
    expect(html).not.toMatch(/class=|<style|<link|<script/);
    for (const heading of ['服务时间', '服务方式与内容', '安全措施', '接送安排', '收费标准与退费办法', '服务人员', '服务机构']) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('小学：周一至周五 15:30—17:30');
    expect(html).toContain('每生每小时 4 元');
    expect(html).toContain('整月未参加的全额退费');
    expect(html).toContain('parent/enrol/index?schoolId=school-sfh-1&amp;termId=term-sfh-2026-autumn');
    expect(html).toContain('报名请打开');
    expect(html).toContain('自愿报名');
  });
});

describe('fee standard and refund method from the profile', () => {
  it('qijiang: per period with the term cap, exemptions, settled by week', () => {
    const fees = publicationFees(profiles.qijiang, { otherHardshipReductionPercent: 50 }, '2026-09-01');
    expect(fees.lines.map((l) => `${l.label}:${l.text}`)).toEqual([
      '收费标准:每生每课时 2 元',
      '收费上限:小学每生每期最高 600 元，中学每生每期最高 800 元',
      '中途参加或退出:以周为单位据实结算',
      '免收:建档立卡贫困户、低保家庭免收',
      '减免:其他家庭经济困难学生适当减免，本校减免 50%；申请方式请咨询学校',
    ]);
    expect(fees.lines[0].citation).toBe('綦江府办发〔2020〕41号 四(二)');
    expect(fees.refundMethod).toContain('以周为单位据实结算');
  });

  it('yueyang: the school’s approved term fee, once per term; no refund method in the document', () => {
    const fees = publicationFees(profiles.yueyang, { termFeeFen: 35050 }, '2026-09-01');
    expect(fees.lines[0].text).toBe('每生每期 350.50 元；每生每期只收取一次费用，不论参加几个项目');
    expect(fees.refundMethod).toContain('按学校与家长签订的课后服务协议办理');
  });

  it('xxcity: free', () => {
    expect(publicationFees(profiles.xxcity, {}, '2026-09-01').lines.map((l) => l.label)).toEqual(['收费标准']);
  });
});
