import { bindingRef } from './binding-ref';

describe('bindingRef: what a teacher sees instead of the parent’s openid', () => {
  it('is stable, opaque and differs per request', () => {
    const ref = bindingRef('stu-1:openid-abc');
    expect(ref).toMatch(/^b-[0-9a-f]{24}$/);
    expect(ref).toBe(bindingRef('stu-1:openid-abc'));
    expect(ref).not.toContain('openid');
    expect(bindingRef('stu-1:openid-abd')).not.toBe(ref);
  });
});
