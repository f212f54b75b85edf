import { EDITABLE_SECTIONS, type EditableSection, SECTION_HEADINGS } from '@kehou/shared';
import { Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { api } from '../../../api';
import { useLoad } from '../../../api/use-call';
import { JobProgress, useJob } from '../../../components/job-progress';
import { useConfirm } from '../../../ui/confirm';
import { go, toast } from '../../../ui/navigate';
import { Button } from '../../../ui/nutui';
import { ErrorCard, Loading } from '../../../ui/states';
import { useSchoolId } from '../components/use-school';
import '../../../ui/staff.scss';

/** One more step of telling the families about a new version (the progress bar drives it). */
const advanceAgreementJob = (jobId: string) => api.agreement.advanceJob({ jobId });

function Editor({ schoolId, termId }: { schoolId: string; termId?: string }) {
  const draft = useLoad(async () => {
    const home = termId ? null : await api.enrollment.getSchoolQueue({ schoolId });
    return api.agreement.getTemplateDraft({ schoolId, termId: termId ?? home!.termId });
  }, [schoolId, termId]);
  const [text, setText] = useState<Record<EditableSection, string> | null>(null);
  const [busy, setBusy] = useState(false);
  const telling = useJob(`job:publish-template:${schoolId}`, advanceAgreementJob);
  const confirm = useConfirm();
  useEffect(() => {
    if (draft.data) setText(draft.data.editable);
  }, [draft.data]);
  if (draft.loading && !draft.data) return <Loading />;
  if (draft.error || !draft.data || !text) return <ErrorCard message={draft.error ?? '加载失败'} onRetry={draft.retry} />;
  const data = draft.data;
  const next = (data.currentVersion ?? 0) + 1;

  const publish = async () => {
    if (EDITABLE_SECTIONS.some((k) => text[k].trim().length < 10)) return toast('每一部分至少写 10 个字');
    const ok = await confirm.ask({
      title: `发布第 ${next} 版协议`,
      content: data.currentVersion
        ? `发布后不能撤回。已签署第 ${data.currentVersion} 版的 ${data.signedCount} 位家长需要重新签署，页面会告诉他们改了什么。`
        : '发布后不能撤回。名单确定的家长即可签署。',
      confirmText: `发布第 ${next} 版`,
    });
    if (!ok) return;
    setBusy(true);
    try {
      const result = await api.agreement.publishTemplate({ schoolId: data.schoolId, termId: data.termId, sections: text });
      toast(`已发布第 ${result.version} 版`, 'success');
      await draft.reload();
      await telling.run(async () => result.job);
    } catch (e) {
      toast(e instanceof Error ? e.message : '发布失败');
    } finally {
      setBusy(false);
    }
  };

  // 004 §四(三)3: the text of these sections goes to the parent committee and the staff congress first.
  const proposeRules = async () => {
    if (EDITABLE_SECTIONS.some((k) => text[k].trim().length < 10)) return toast('每一部分至少写 10 个字');
    setBusy(true);
    try {
      const overview = await api.committee.proposeRules({ schoolId: data.schoolId, sections: text });
      toast(`已提交第 ${overview.versions[0]?.version ?? 1} 版`, 'success');
    } catch (e) {
      toast(e instanceof Error ? e.message : '提交失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      {confirm.dialog}
      <View className="card">
        <Text className="card-title">课后服务协议模板</Text>
        <Text className="muted">
          {data.schoolName} · {data.termName} ·{' '}
          {data.currentVersion
            ? `当前第 ${data.currentVersion} 版${data.currentPlanVersion ? `（依据方案第 ${data.currentPlanVersion} 版）` : ''}，本版已签署 ${data.signedCount} 份`
            : '尚未发布'}
        </Text>
        {data.currentVersion && data.planVersion && data.currentPlanVersion !== data.planVersion && (
          <Text className="warn-text plan-version-note">方案已更新为第 {data.planVersion} 版：发布新版协议后，协议内容才随之更新。</Text>
        )}
        {telling.job && <JobProgress job={telling.job} />}
        {!data.publicationId && <Text className="warn-text">请先公开本学期的服务方案：协议的服务内容、形式、接送时间取自公开的方案。</Text>}
      </View>
      {data.publicationId && (
        <>
          <View className="card">
            <Text className="card-title">取自公开方案第 {data.planVersion} 版的内容（不在此修改）</Text>
            {data.sections
              .filter((s) => !(EDITABLE_SECTIONS as readonly string[]).includes(s.key))
              .map((s) => (
                <View key={s.key} className="field">
                  <Text className="field-label">{s.heading}</Text>
                  <Text className="section-note" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.body}
                  </Text>
                </View>
              ))}
          </View>
          <View className="card">
            <Text className="card-title">学校填写的内容</Text>
            <Text className="section-note">管理制度应经教职工代表大会和家长委员会审议通过（各方权利和义务依据政策要求写明）。</Text>
            {EDITABLE_SECTIONS.map((key) => (
              <View key={key} className="field">
                <Text className="field-label">{SECTION_HEADINGS[key]}</Text>
                <Textarea
                  className={`textarea section-${key}`}
                  value={text[key]}
                  maxlength={3000}
                  autoHeight
                  onInput={(e) => setText({ ...text, [key]: e.detail.value })}
                />
              </View>
            ))}
            <View className="btn-row">
              <Button size="small" disabled={busy} className="propose-rules" onClick={() => void proposeRules()}>
                提交管理制度审议
              </Button>
              <Text className="link" onClick={() => go(`/committee/rules/index?schoolId=${encodeURIComponent(data.schoolId)}`)}>
                审议与通过情况
              </Text>
            </View>
            <Button type="primary" block loading={busy} className="publish-template" onClick={() => void publish()}>
              发布第 {next} 版
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

export default function AgreementTemplatePage() {
  const { schoolId, termId, loading } = useSchoolId();
  if (loading) return <Loading />;
  if (!schoolId) return <ErrorCard message="您不是任何学校的管理员" />;
  return <Editor schoolId={schoolId} termId={termId} />;
}
