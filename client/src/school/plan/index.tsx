import type { PlanContent, PlanStatus } from '@kehou/shared';
import { checkServicePlan, type PlanEditorView, type PlanIssue, planContentSchema } from '@kehou/shared/disclosure';
import { getProfile } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api } from '../../api';
import { IssueNotes } from '../../components/plan-issues';
import { askConsents } from '../../ui/consents';
import { scrollToFirst } from '../../ui/form';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { clone, type Editor, EditorContext } from './editor-context';
import { AttachmentsSection } from './sections/attachments';
import { FeesSection } from './sections/fees';
import { ItemsSection } from './sections/items';
import { ProvidersSection, StaffSection } from './sections/people';
import { ScheduleSection } from './sections/schedules';
import { FundingSection, SafetySection } from './sections/texts';
import { StatusCard } from './status-card';

const SECTION_OF: [string, string][] = [
  ['schedules', '服务时间'],
  ['items', '服务项目'],
  ['expectedStudents', '经费'],
  ['staff', '服务人员'],
  ['providers', '服务机构'],
  ['safety', '安全与接送'],
  ['pickup', '安全与接送'],
  ['feeSettings', '收费'],
  ['funding', '经费'],
  ['attachments', '备案材料'],
];
const sectionOf = (issue: PlanIssue) => SECTION_OF.find(([prefix]) => issue.path === prefix || issue.path.startsWith(`${prefix}.`))?.[1] ?? '';

/**
 * The school admin writes the term's plan. The policy engine checks it as it is written: each
 * problem is shown beside its field with its clause, and submission waits until none remains.
 * Not loaded again on show (useLoad would), so picking a file never loses unsaved edits.
 */
export default function PlanEditorPage() {
  const { schoolId = '', termId = '' } = useRouter().params;
  const [view, setView] = useState<PlanEditorView | null>(null);
  const [content, setContent] = useState<PlanContent | null>(null);
  const [revision, setRevision] = useState(0);
  const [status, setStatus] = useState<PlanStatus>('draft');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // Why the last save did not go (the plan's schema); gone with the next edit.
  const [refused, setRefused] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const loaded = await api.disclosure.getPlan({ schoolId, termId });
      setView(loaded);
      setContent(loaded.content);
      setRevision(loaded.plan?.revision ?? 0);
      setStatus(loaded.plan?.status ?? 'draft');
      setDirty(false);
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : '加载失败');
    }
  }, [schoolId, termId]);

  useEffect(() => {
    void load();
  }, [load]);

  const profile = view ? getProfile(view.school.profileId) : undefined;
  const issues = useMemo(() => (view && content && profile ? checkServicePlan(profile, content, view.term) : []), [view, content, profile]);

  if (loadError) return <ErrorCard message={loadError} onRetry={load} />;
  if (!view || !content || !profile) return <Loading />;

  const readOnly = status === 'submitted';
  const editor: Editor = {
    view,
    profile,
    content,
    issues,
    readOnly,
    change: (edit) => {
      setContent((previous) => {
        const next = clone(previous ?? content);
        edit(next);
        return next;
      });
      setDirty(true);
      setRefused(null);
    },
  };

  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setActionError(null);
    try {
      return await work();
    } catch (e) {
      const message = e instanceof Error ? e.message : '操作失败';
      setActionError(e instanceof ApiError && e.code === 'CONFLICT' ? `${message}（点“重新加载”取回最新的方案）` : message);
      return null;
    } finally {
      setBusy(false);
    }
  }

  /** What the cloud function would refuse is refused here first, with the same words, and the page goes to it. */
  const unsaveable = (): boolean => {
    const parsed = planContentSchema.safeParse(content);
    if (parsed.success) return false;
    setRefused(`没有保存：${parsed.error.issues[0]?.message ?? '请检查填写的内容'}`);
    scrollToFirst(parsed.error.issues.map((issue) => issue.path.join('.')));
    return true;
  };

  const save = () => {
    if (unsaveable()) return;
    return run(async () => {
      const saved = await api.disclosure.savePlan({ schoolId, termId, revision, content });
      setRevision(saved.revision);
      setStatus(saved.status);
      setDirty(false);
      toast('已保存', 'success');
      return saved.revision;
    });
  };

  const submit = () => {
    if (unsaveable()) return;
    void askConsents('plan');
    return run(async () => {
      let current = revision;
      if (dirty || current === 0) {
        const saved = await api.disclosure.savePlan({ schoolId, termId, revision, content });
        current = saved.revision;
      }
      await api.disclosure.submitPlan({ schoolId, termId, revision: current });
      toast('已提交备案', 'success');
      await load();
    });
  };

  const publish = () =>
    run(async () => {
      const published = await api.disclosure.publishPlan({ schoolId, termId });
      toast(`已公开第 ${published.version} 版`, 'success');
      await load();
    });

  return (
    <EditorContext.Provider value={editor}>
      <View className="page plan-editor">
        <StatusCard view={view} status={status} />
        {status === 'approved' && (
          <View className="card">
            <Text className="card-title">公开方案</Text>
            <Text className="section-note">公开后家长可以在公开页和公众号文章中看到方案并自愿报名；已公开的版本不会再改动。</Text>
            <View className="btn-row">
              <Button type="primary" loading={busy} onClick={() => void publish()}>
                公开方案
              </Button>
            </View>
          </View>
        )}
        <ScheduleSection />
        <ItemsSection />
        <StaffSection />
        <ProvidersSection />
        <SafetySection />
        <FeesSection />
        <FundingSection />
        <AttachmentsSection />

        {!readOnly && (
          <View className="card submit-card">
            <Text className="card-title">提交备案</Text>
            {issues.length ? (
              <>
                <Text className="warn-text issue-count">还有 {issues.length} 处需要修改，改好后才能提交备案：</Text>
                {issues.map((issue, index) => (
                  <View key={`${issue.path}-${index}`}>
                    <Text className="section-note">{sectionOf(issue)}</Text>
                    <IssueNotes issues={[issue]} />
                  </View>
                ))}
              </>
            ) : (
              <Text className="ok-text">方案符合政策要求，可以提交{view.school.bureauName}备案。</Text>
            )}
            {refused && <Text className="error-text save-refused">{refused}</Text>}
            {actionError && <Text className="error-text action-error">{actionError}</Text>}
            <View className="btn-row">
              <Button loading={busy} disabled={!dirty && revision > 0} onClick={() => void save()}>
                {dirty || revision === 0 ? '保存草稿' : '已保存'}
              </Button>
              <Button type="primary" loading={busy} disabled={issues.length > 0} onClick={() => void submit()}>
                提交备案
              </Button>
              {actionError && (
                <Button size="small" onClick={() => void load()}>
                  重新加载
                </Button>
              )}
            </View>
          </View>
        )}
        {readOnly && actionError && <Text className="error-text">{actionError}</Text>}
      </View>
    </EditorContext.Provider>
  );
}
