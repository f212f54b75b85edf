import type { Publication } from '../domain/plan';
import { renderAgreement, renderPermit, verifySignatureRecord } from './render';
import { sha256 } from './sha256';
import { buildSections, DEFAULT_EDITABLE_TEXT, templateContentHash } from './template';
import type { AgreementFill, AgreementTemplateDoc, SignatureDoc } from './types';

const publication = {
  _id: 's:t:v1',
  content: {
    schedules: [{ stage: 'primary', weekdays: [1, 2, 3, 4, 5], start: '15:30', end: '17:30', blocks: [{ category: 'homework', minutes: 60, title: '作业' }] }],
    items: [
      { id: 'basic', kind: 'basic', name: '基础托管', category: 'homework', description: '看护', weekdays: [1, 2, 3, 4, 5] },
      { id: 'club', kind: 'club', name: '书法社', category: 'arts', description: '写字', weekdays: [3], capacity: 2 },
    ],
    pickup: { arrangement: '校门口交接', pickupTime: '17:30' },
    safety: { measures: '考勤', emergencyPlan: '预案' },
  },
  fees: { lines: [{ label: '收费标准', text: '每小时 4 元', citation: '三(五)2' }], refundMethod: '按月退' },
} as unknown as Publication;

const sections = buildSections(publication, DEFAULT_EDITABLE_TEXT);
const body = { schoolName: '一小', termName: '秋季学期', version: 1, sections };
const template: AgreementTemplateDoc = {
  _id: 's:t:v1',
  schoolId: 's',
  termId: 't',
  current: true,
  publicationId: 's:t:v1',
  ...body,
  contentHash: templateContentHash(body),
  publishedAt: '2026-09-01T00:00:00.000Z',
  publishedBy: 'admin',
};
const fill: AgreementFill = {
  childName: '张小明',
  className: '三年级(2)班',
  guardianName: '张父',
  relation: '父亲',
  days: [3, 1],
  items: [
    { name: '基础托管', kind: 'basic', placement: 'basic' },
    { name: '书法社', kind: 'club', placement: 'waiting' },
  ],
  pickup: { mode: 'pickers', pickers: [{ name: '张父', relation: '父亲', phone: '13900001111' }] },
};

describe('the agreement text', () => {
  it('is deterministic and carries the sections in order, then the child’s choices', () => {
    const text = renderAgreement(template, fill);
    expect(renderAgreement(template, { ...fill })).toBe(text);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '一小课后服务协议书',
      '秋季学期 · 第 1 版',
      '',
      '甲方（学校）：一小',
      '乙方（家长）：张父（父亲）',
      '学生：张小明（三年级(2)班）',
    ]);
    expect(text).toMatch(/一、课后服务管理制度[\s\S]*十、家长的权利和义务[\s\S]*十一、乙方为学生自愿选择的内容/);
    expect(text).toMatch(/参加日：周一、周三/);
    expect(text).toMatch(/书法社（候补中，递补成功后参加）/);
  });

  it('changes (and so does its hash) with any choice', () => {
    const hash = sha256(renderAgreement(template, fill));
    expect(sha256(renderAgreement(template, { ...fill, days: [1] }))).not.toBe(hash);
    expect(sha256(renderAgreement(template, { ...fill, pickup: { mode: 'alone' } }))).not.toBe(hash);
    expect(sha256(renderAgreement({ ...template, version: 2 }, fill))).not.toBe(hash);
  });

  it('verifies a signature record and catches tampering', () => {
    const text = renderAgreement(template, fill);
    const signature: SignatureDoc = {
      _id: 'a:v1',
      kind: 'agreement',
      applicationId: 'a',
      studentId: 's1',
      schoolId: 's',
      classId: 'c',
      termId: 't',
      templateId: template._id,
      version: 1,
      fill,
      text,
      textHash: sha256(text),
      signerOpenid: 'o',
      signerName: '张父',
      signedAt: '2026-09-02T00:00:00.000Z',
      imageFileId: null,
    };
    expect(verifySignatureRecord(signature, template).valid).toBe(true);
    expect(verifySignatureRecord({ ...signature, text: text + '。' }, template).valid).toBe(false);
    expect(verifySignatureRecord(signature, null).valid).toBe(false);
    const permitFill = { childName: '张小明', className: '三年级(2)班', schoolName: '一小', termName: '秋季学期', guardianName: '张父', relation: '父亲' };
    const permitText = renderPermit(permitFill);
    expect(
      verifySignatureRecord({ ...signature, kind: 'permit', templateId: null, fill: permitFill, text: permitText, textHash: sha256(permitText) }, null).valid,
    ).toBe(true);
  });
});
