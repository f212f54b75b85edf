import { PLAN_STATUS_LABELS } from '@kehou/shared';
import { chinaDateTime } from '@kehou/shared/disclosure';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { ChangeList } from '../../components/plan-changes';
import { IssueNotes } from '../../components/plan-issues';
import { PlanSections } from '../../components/plan-view';
import { useConfirm } from '../../ui/confirm';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';

const DECISION = { pending: '待审核', approved: '已通过', returned: '已退回' } as const;

/** Opens a filing attachment: a new tab in H5, the document viewer in the mini-program. */
async function openAttachment(url: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  try {
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, showMenu: true });
  } catch {
    toast('无法打开该文件');
  }
}

/** The reviewer reads the latest filed version, what changed since the last one, the attachments, and decides. */
export default function ReviewPage() {
  const { schoolId = '', termId = '' } = useRouter().params;
  const detail = useLoad(() => api.disclosure.getReviewDetail({ schoolId, termId }), [schoolId, termId]);
  const [comments, setComments] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = useConfirm();

  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error || !detail.data) return <ErrorCard message={detail.error ?? '加载失败'} onRetry={detail.retry} />;
  const view = detail.data;
  const version = view.version!;

  async function decide(decision: 'approve' | 'return') {
    const ok = await confirm.ask(
      decision === 'approve'
        ? {
            title: `通过第 ${version.number} 版备案`,
            content: `${view.school.name}${view.term.name}的服务方案第 ${version.number} 版将备案通过，不能撤回；学校随后可公开方案并按其收费标准收费。`,
            lines: view.issues.length ? [`按政策检查仍有 ${view.issues.length} 处问题`] : [],
            confirmText: '通过备案',
          }
        : { title: `退回第 ${version.number} 版`, content: '学校将收到退回意见，修改后重新提交。', confirmText: '退回' },
    );
    if (!ok) return;
    setBusy(true);
    setError(null);
    try {
      const filed = { schoolId, termId, version: version.number, comments };
      await (decision === 'approve' ? api.disclosure.approvePlan(filed) : api.disclosure.returnPlan(filed));
      toast(decision === 'approve' ? '已通过备案' : '已退回学校', 'success');
      setComments('');
      await detail.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="page">
      {confirm.dialog}
      <View className="card">
        <Text className="card-title">
          {view.school.name} · {view.term.name}
        </Text>
        <View className="row">
          <Text>
            第 {version.number} 版 · 提交于 {chinaDateTime(version.submittedAt)}
          </Text>
          <Text className="tag review-status">{PLAN_STATUS_LABELS[view.status]}</Text>
        </View>
        {view.deadline.state !== 'none' && <Text className="section-note">{view.deadline.message}</Text>}
        {view.issues.length > 0 ? (
          <>
            <Text className="warn-text">按政策检查仍有 {view.issues.length} 处问题：</Text>
            <IssueNotes issues={view.issues} />
          </>
        ) : (
          <Text className="ok-text section-note">按政策自动检查，没有发现问题。</Text>
        )}
      </View>

      {view.changesFromPrevious && (
        <View className="card changes-card">
          <Text className="card-title">与第 {version.number - 1} 版相比</Text>
          <ChangeList changes={view.changesFromPrevious} />
        </View>
      )}

      <View className="card">
        <Text className="card-title">备案材料</Text>
        {view.attachments.length === 0 && <Text className="muted">没有附件。</Text>}
        {view.attachments.map((a) => (
          <View key={a.key} className="row">
            <Text>{a.label}</Text>
            <Text className="link" onClick={() => void openAttachment(a.url)}>
              {a.name}
            </Text>
          </View>
        ))}
      </View>

      <PlanSections content={version.content} fees={view.fees} />

      {view.status === 'submitted' && (
        <View className="card decide-card">
          <Text className="card-title">审核意见</Text>
          <Textarea
            className="textarea review-comments"
            value={comments}
            maxlength={500}
            placeholder="退回时请写明原因和需要修改的地方；通过时可不填"
            onInput={(e) => setComments(e.detail.value)}
          />
          {error && <Text className="error-text">{error}</Text>}
          <View className="btn-row">
            <Button type="primary" loading={busy} onClick={() => void decide('approve')}>
              通过备案
            </Button>
            <Button loading={busy} onClick={() => void decide('return')}>
              退回修改
            </Button>
          </View>
        </View>
      )}

      <View className="card">
        <Text className="card-title">历次提交</Text>
        {[...view.versions].reverse().map((v) => (
          <View key={v.number} className="field">
            <Text>
              第 {v.number} 版 · {DECISION[v.decision]}
            </Text>
            {v.comments && <Text className="section-note">意见：{v.comments}</Text>}
          </View>
        ))}
      </View>
    </View>
  );
}
