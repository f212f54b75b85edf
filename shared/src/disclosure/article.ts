import { chinaDate } from './dates';
import { escapeHtml, escapeMultiline } from './html';
import {
  categoryLabel,
  describeBlocks,
  describeItemKind,
  describeSchedule,
  formatWeekdays,
  listStatusLabel,
  providerTypeLabel,
  staffKindLabel,
} from './labels';
import type { PublicationRecord } from './types';

/** The mini-program page of a school's term, opened from its share card. */
export function publicTermPath(schoolId: string, termId: string): string {
  return `public/term/index?schoolId=${encodeURIComponent(schoolId)}&termId=${encodeURIComponent(termId)}`;
}

const STYLE = {
  wrap: 'font-size:15px;line-height:1.75;color:#333333;',
  title: 'font-size:18px;font-weight:bold;text-align:center;margin:0 0 12px;color:#1f2329;',
  h: 'font-size:16px;font-weight:bold;margin:18px 0 6px;padding-left:8px;border-left:4px solid #1a6fd9;color:#1f2329;',
  p: 'margin:0 0 8px;',
  muted: 'margin:0 0 8px;font-size:13px;color:#8a8f99;',
  li: 'margin:0 0 6px;',
  cite: 'font-size:12px;color:#8a8f99;',
  box: 'margin:16px 0 0;padding:10px 12px;background:#f2f6fc;border-radius:6px;font-size:14px;',
};

const section = (title: string, body: string) => `<h3 style="${STYLE.h}">${escapeHtml(title)}</h3>${body}`;
const para = (text: string, style = STYLE.p) => `<p style="${style}">${escapeMultiline(text)}</p>`;
const list = (rows: string[]) =>
  rows.length ? `<ul style="margin:0 0 8px;padding-left:20px;">${rows.map((r) => `<li style="${STYLE.li}">${r}</li>`).join('')}</ul>` : para('无');

/**
 * The term's plan as an article for the school's official account: HTML with inline styles only
 * (the 公众号 editor drops stylesheets and classes), every text escaped, and the mini-program
 * path where parents apply. Same content as the public page.
 */
export function renderArticle(publication: PublicationRecord, path: string): { title: string; html: string } {
  const { content, fees } = publication;
  const title = `${publication.schoolName}${publication.termName}课后服务公告`;
  const providers = new Map(content.providers.map((p) => [p.id, p]));
  const parts: string[] = [];

  parts.push(`<h2 style="${STYLE.title}">${escapeHtml(title)}</h2>`);
  parts.push(
    para(
      `本学期课后服务由家长自愿报名参加，学生可自主选择参加的项目。以下为学校课后服务方案（第 ${publication.version} 版，${chinaDate(new Date(publication.publishedAt))} 公开）。`,
    ),
  );

  parts.push(
    section(
      '服务时间',
      list(
        content.schedules.map(
          (s) => escapeHtml(describeSchedule(s)) + (s.blocks.length ? `<br/><span style="${STYLE.cite}">${escapeHtml(describeBlocks(s))}</span>` : ''),
        ),
      ),
    ),
  );

  parts.push(
    section(
      '服务方式与内容',
      list(
        content.items.map((item) => {
          const provider = providers.get(item.providerId);
          const details = [describeItemKind(item), formatWeekdays(item.weekdays), categoryLabel(item.category), provider ? `由${provider.name}提供` : '']
            .filter(Boolean)
            .join(' · ');
          const description = item.description ? `<br/>${escapeMultiline(item.description)}` : '';
          return `<strong>${escapeHtml(item.name)}</strong>：${escapeHtml(details)}${description}`;
        }),
      ),
    ),
  );

  parts.push(section('安全措施', para(content.safety.measures) + para(`应急预案：${content.safety.emergencyPlan}`)));
  parts.push(section('接送安排', para(content.pickup.arrangement + (content.pickup.pickupTime ? `（接送时间 ${content.pickup.pickupTime}）` : ''))));

  parts.push(
    section(
      '收费标准与退费办法',
      list(fees.lines.map((l) => `${escapeHtml(l.label)}：${escapeHtml(l.text)} <span style="${STYLE.cite}">（${escapeHtml(l.citation)}）</span>`)) +
        para(`退费办法：${fees.refundMethod}`),
    ),
  );

  parts.push(section('服务人员', list(content.staff.map((m) => `${escapeHtml(m.name)}（${escapeHtml(staffKindLabel(m))}）：${escapeHtml(m.duty)}`))));
  parts.push(
    section(
      '服务机构',
      list(
        content.providers.map(
          (p) =>
            `${escapeHtml(p.name)}（${escapeHtml(providerTypeLabel(p))}${p.type === 'staff' ? '' : `，${p.vetted ? '已审核' : '未审核'}，${listStatusLabel(p)}`}）`,
        ),
      ),
    ),
  );
  if (content.funding) parts.push(section('经费', para(content.funding)));

  parts.push(
    `<section style="${STYLE.box}"><p style="${STYLE.p}">报名请打开“课后服务”小程序：先绑定孩子，再选择参加的时间和项目；小程序里也能查看最新方案和公示名单。</p><p style="${STYLE.muted}">小程序路径：${escapeHtml(path)}</p></section>`,
  );

  return { title, html: `<section style="${STYLE.wrap}">${parts.join('')}</section>` };
}
