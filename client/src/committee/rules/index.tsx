import { chinaToday } from '@kehou/shared';
import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { RulesHistory } from '../../components/rules-history';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { useHome } from '../../ui/use-home';

/**
 * 004 §四(三)3: the school's management rules (the rights and duties its agreement states) are
 * adopted by the parent committee and the staff congress. The school submits the text of its
 * agreement draft; the committee adopts it here; the school records the staff congress.
 */
export default function RulesPage() {
  const { schoolId = '' } = useRouter().params;
  const home = useHome();
  const rules = useLoad(() => api.committee.getRules({ schoolId }), [schoolId]);
  const [date, setDate] = useState(chinaToday());
  const [busy, setBusy] = useState(false);
  if ((rules.loading && !rules.data) || (home.loading && !home.data)) return <Loading />;
  if (rules.error || !rules.data) return <ErrorCard message={rules.error ?? '加载失败'} onRetry={rules.reload} />;
  const roles = (home.data?.schools ?? []).filter((s) => s.schoolId === schoolId).map((s) => s.as);
  const latest = rules.data.versions[0];
  const run = async (what: 'adopt' | 'staff') => {
    if (!latest) return;
    setBusy(true);
    try {
      const input = { schoolId, version: latest.version, date };
      if (what === 'adopt') await api.committee.adoptRules(input);
      else await api.committee.recordStaffCongress(input);
      toast('已保存', 'success');
      await rules.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const has = (by: string) => latest?.adoptions.some((a) => a.by === by);
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{rules.data.schoolName} · 课后服务管理制度</Text>
        <Text className="muted">
          {rules.data.required.length
            ? `本地政策要求管理制度经${rules.data.required.map((r) => r.label).join('和')}通过后实施；通过前学校不能发布服务协议。`
            : '管理制度的每一版和通过情况都会公开。'}
        </Text>
        {latest && !latest.adopted && (
          <View className="field">
            <Text className="field-label">通过日期</Text>
            <Picker mode="date" value={date} end={chinaToday()} onChange={(e) => setDate(String(e.detail.value))}>
              <View className="input rules-date">{date}</View>
            </Picker>
            <View className="btn-row">
              {roles.includes('committee') && !has('parent-committee') && (
                <Button type="primary" size="small" className="rules-adopt" disabled={busy} onClick={() => void run('adopt')}>
                  家委会通过第 {latest.version} 版
                </Button>
              )}
              {roles.includes('admin') && !has('staff-congress') && (
                <Button size="small" className="rules-staff" disabled={busy} onClick={() => void run('staff')}>
                  登记教代会通过
                </Button>
              )}
            </View>
          </View>
        )}
        {roles.includes('admin') && (
          <View className="btn-row">
            <Text className="link" onClick={() => go(`/school/enrollment/agreement/index?schoolId=${encodeURIComponent(schoolId)}`)}>
              在协议编辑页修改文本并提交审议
            </Text>
          </View>
        )}
      </View>
      <View className="card">
        <RulesHistory overview={rules.data} showText />
      </View>
    </View>
  );
}
