import { BIND_LIMIT_TEXT, type BindResult, MOBILE_PATTERN } from '@kehou/shared';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { askConsents } from '../../ui/consents';
import { Button } from '../../ui/nutui';
import '../components/enrollment.scss';

const RELATIONS = ['父亲', '母亲', '爷爷', '奶奶', '外公', '外婆', '其他'];

/**
 * A parent binds to a child with the child's name, student number and the class code. Failed
 * attempts are limited per day (the page says so); until the class teacher confirms, the child's
 * name is shown masked.
 */
export default function BindPage() {
  const [form, setForm] = useState({ studentName: '', studentNo: '', bindCode: '', guardianName: '', phone: '' });
  const [relation, setRelation] = useState('');
  const [otherRelation, setOtherRelation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BindResult | null>(null);
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) => setForm({ ...form, [key]: e.detail.value });

  const submit = async () => {
    void askConsents('bind');
    const relationText = relation === '其他' ? otherRelation.trim() : relation;
    if (!form.studentName.trim() || !form.studentNo.trim() || !form.bindCode.trim()) return setError('请填写孩子的姓名、学号和班级码');
    if (!form.guardianName.trim()) return setError('请填写您的姓名');
    if (!relationText) return setError('请选择您与孩子的关系');
    if (form.phone.trim() && !MOBILE_PATTERN.test(form.phone.trim())) return setError('手机号应为 11 位数字');
    setBusy(true);
    setError(null);
    try {
      const result = await api.enrollment.bindChild({
        studentName: form.studentName.trim(),
        studentNo: form.studentNo.trim(),
        bindCode: form.bindCode.trim(),
        guardianName: form.guardianName.trim(),
        relation: relationText,
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      });
      setDone(result);
    } catch (e) {
      setError(e instanceof Error ? e.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <View className="page">
        <View className="card bind-result">
          <Text className="card-title">{done.status === 'confirmed' ? '已绑定' : '已提交，等待班主任确认'}</Text>
          <Text className="muted">
            {done.studentName} · {done.className}
            {done.status === 'pending' ? '。班主任确认后，您会收到通知，页面上会显示孩子的完整姓名，就可以为孩子报名了。' : ''}
          </Text>
          <View className="btn-row">
            <Button type="primary" size="small" onClick={() => void Taro.redirectTo({ url: '/parent/home/index' })}>
              回到我的孩子
            </Button>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">绑定孩子</Text>
        <Text className="notice">班级码由班主任在班级群里发布。信息核对无误后，由班主任确认绑定。</Text>
        <Text className="section-note bind-limit">{BIND_LIMIT_TEXT}信息不匹配时，页面会告诉您今天还可以再试几次。</Text>
        <View className="field">
          <Text className="field-label">孩子姓名</Text>
          <Input className="input" name="studentName" value={form.studentName} maxlength={20} onInput={set('studentName')} placeholder="与学校登记的一致" />
        </View>
        <View className="field">
          <Text className="field-label">学号</Text>
          <Input className="input" name="studentNo" value={form.studentNo} maxlength={20} onInput={set('studentNo')} />
        </View>
        <View className="field">
          <Text className="field-label">班级码</Text>
          <Input className="input" name="bindCode" value={form.bindCode} maxlength={12} onInput={set('bindCode')} placeholder="例如 SFH302" />
        </View>
        <View className="field">
          <Text className="field-label">您的姓名</Text>
          <Input className="input" name="guardianName" value={form.guardianName} maxlength={20} onInput={set('guardianName')} />
        </View>
        <View className="field">
          <Text className="field-label">您与孩子的关系</Text>
          <View className="chip-row">
            {RELATIONS.map((r) => (
              <Text key={r} className={`chip relation-chip ${relation === r ? 'chip-on' : ''}`} onClick={() => setRelation(r)}>
                {r}
              </Text>
            ))}
          </View>
          {relation === '其他' && (
            <Input className="input" value={otherRelation} maxlength={10} onInput={(e) => setOtherRelation(e.detail.value)} placeholder="例如 舅舅" />
          )}
        </View>
        <View className="field">
          <Text className="field-label">手机号（选填）</Text>
          <Input className="input" name="phone" type="number" value={form.phone} maxlength={11} onInput={set('phone')} />
          <Text className="section-note">填写学校花名册上登记的手机号，班主任可以更快核对。</Text>
        </View>
        {error && <Text className="error-text">{error}</Text>}
        <View className="btn-row">
          <Button type="primary" loading={busy} className="submit-bind" onClick={() => void submit()}>
            提交绑定
          </Button>
        </View>
      </View>
    </View>
  );
}
