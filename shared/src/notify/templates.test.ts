import { bindingResultMessage, feeNoticeMessage, paymentReceiptMessage, reminderMessage } from './templates';

describe('subscription messages', () => {
  it('cuts a thing keyword to 20 characters and a phrase to 5, ending in …', () => {
    const message = reminderMessage({
      touser: 'o1',
      subject: '一二三四五六七八九十一二三四五六七八九十一二',
      about: '',
      note: '备注',
      due: '2026年12月3日',
      page: 'p',
    });
    expect(Array.from(message.data.thing1.value)).toHaveLength(20);
    expect(message.data.thing1.value.endsWith('…')).toBe(true);
    expect(message.data.thing2.value).toBe('—');
    expect(message.data.time4.value).toBe('2026年12月3日');
  });

  it('keeps each template’s keyword keys and id', () => {
    const message = bindingResultMessage({ touser: 'o2', childName: '王小红', confirmed: false });
    expect(message).toEqual({
      touser: 'o2',
      templateId: 'tmpl-enrollment-binding',
      page: 'parent/home/index',
      data: { thing1: { value: '王小红' }, phrase2: { value: '未通过' }, thing3: { value: '如有疑问请联系班主任' } },
    });
  });

  it('cuts a character_string to 32 and leaves amounts as given', () => {
    const receipt = paymentReceiptMessage({ touser: 'o3', childName: '李', amountYuan: '120.00', at: new Date().toISOString(), reference: 'x'.repeat(40) });
    expect(receipt.data.character_string4.value).toHaveLength(32);
    expect(receipt.data.amount2.value).toBe('120.00');
    const notice = feeNoticeMessage({ touser: 'o3', childName: '李', periodText: '2026年秋季学期', amountYuan: '0.00', note: '' });
    expect(notice.data.thing2.value).toBe('课后服务费 2026年秋季学期');
  });
});
