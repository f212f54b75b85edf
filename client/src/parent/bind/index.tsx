import { BIND_LIMIT_TEXT, type BindResult } from '@kehou/shared';
import { bindChildInput } from '@kehou/shared/enrollment/schemas';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { askConsents } from '../../ui/consents';
import { ChoiceTags, Field, Form, useFormErrors } from '../../ui/form';
import '../../ui/form/form.scss';
import { Button } from '../../ui/nutui';
import '../components/enrollment.scss';
import { useParams } from '../../ui/params';
import { enrolPath } from '../../ui/share';

const RELATIONS = ['父亲', '母亲', '爷爷', '奶奶', '外公', '外婆', '其他'];

/**
 * A parent binds to a child with the child's name, student number and the class code. Failed
 * attempts are limited per day (the page says so); until the class teacher confirms, the child's
 * name is shown masked.
 */
export default function BindPage() {
  // Opened from a school's enrolment page: back there once bound, to apply.
  const { schoolId, termId } = useParams();
  const [form, setForm] = useState({ studentName: '', studentNo: '', bindCode: '', guardianName: '', phone: '' });
  const [relation, setRelation] = useState('');
  const [otherRelation, setOtherRelation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BindResult | null>(null);
  const problems = useFormErrors();
  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) => {
    problems.clear(key);
    setForm({ ...form, [key]: e.detail.value });
  };

  const submit = async () => {
    void askConsents('bind');
    const relationText = relation === '其他' ? otherRelation : relation;
    const input = problems.check(bindChildInput, { ...form, relation: relationText, phone: form.phone.trim() || undefined }, [
      'studentName',
      'studentNo',
      'bindCode',
      'guardianName',
      'relation',
      'phone',
    ]);
    setError(null);
    if (!input) return;
    setBusy(true);
    try {
      setDone(await api.enrollment.bindChild(input));
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
            {schoolId && (
              <Button type="primary" size="small" className="bind-back-to-enrol" onClick={() => void Taro.redirectTo({ url: enrolPath(schoolId, termId) })}>
                {done.status === 'confirmed' ? '去报名' : '回到报名页'}
              </Button>
            )}
            <Button type={schoolId ? 'default' : 'primary'} size="small" onClick={() => void Taro.redirectTo({ url: '/parent/home/index' })}>
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
        <Form className="kehou-form bind-form" labelPosition="top">
          <Field className="field" path="studentName" label="孩子姓名" required error={problems.at('studentName')}>
            <Input className="input" name="studentName" value={form.studentName} onInput={set('studentName')} placeholder="与学校登记的一致" />
          </Field>
          <Field className="field" path="studentNo" label="学号" required error={problems.at('studentNo')}>
            <Input className="input" name="studentNo" value={form.studentNo} maxlength={20} onInput={set('studentNo')} />
          </Field>
          <Field className="field" path="bindCode" label="班级码" required error={problems.at('bindCode')}>
            <Input className="input" name="bindCode" value={form.bindCode} maxlength={12} onInput={set('bindCode')} placeholder="例如 SFH302" />
          </Field>
          <Field className="field" path="guardianName" label="您的姓名" required error={problems.at('guardianName')} hint="协议和报名记录都用这个名字">
            <Input className="input" name="guardianName" value={form.guardianName} onInput={set('guardianName')} />
          </Field>
          <Field className="field" path="relation" label="您与孩子的关系" required error={problems.at('relation')}>
            <ChoiceTags
              single
              className="relation-chip"
              options={RELATIONS.map((r) => ({ value: r, label: r }))}
              value={relation ? [relation] : []}
              onChange={(next) => {
                problems.clear('relation');
                setRelation(next[0] ?? '');
              }}
            />
            {relation === '其他' && <Input className="input" value={otherRelation} onInput={(e) => setOtherRelation(e.detail.value)} placeholder="例如 舅舅" />}
          </Field>
          <Field className="field" path="phone" label="手机号（选填）" error={problems.at('phone')} hint="填写学校花名册上登记的手机号，班主任可以更快核对。">
            <Input className="input" name="phone" type="number" value={form.phone} maxlength={11} onInput={set('phone')} />
          </Field>
        </Form>
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
