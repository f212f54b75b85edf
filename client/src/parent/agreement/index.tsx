import { type SignableDocument, sha256 } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { askConsents } from '../../ui/consents';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { shortTime } from '../components/labels';
import { SignaturePad, type SignaturePadHandle } from '../components/signature-pad';
import '../components/enrollment.scss';
import { useParams } from '../../ui/params';

/** The text, its hash, and this phone's own check of the hash (the same pure sha256 as the cloud). */
function DocumentText({ document }: { document: SignableDocument }) {
  const matches = sha256(document.text) === document.textHash;
  return (
    <>
      <Text className="agreement-text">{document.text}</Text>
      <Text className="hash">摘要（SHA-256）：{document.textHash}</Text>
      <Text className={`section-note ${matches ? 'ok-text' : 'error-text'}`}>
        {matches ? '本机核验：全文与摘要一致' : '本机核验：全文与摘要不一致，请刷新'}
      </Text>
    </>
  );
}

function SignBlock(props: { id: string; label: string; busy: boolean; onSign: (image: Awaited<ReturnType<SignaturePadHandle['export']>>) => Promise<void> }) {
  const [agreed, setAgreed] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);
  return (
    <View className="sub-card">
      <SignaturePad id={`${props.id}-pad`} ref={pad} />
      <View className={`choice-card agree-choice ${agreed ? 'choice-card-on' : ''}`} onClick={() => setAgreed(!agreed)}>
        <Text className="choice-title">
          <Text className="box">{agreed ? '☑' : '☐'}</Text>我已阅读以上全文，同意并签署
        </Text>
      </View>
      <Button
        type="primary"
        block
        disabled={!agreed}
        loading={props.busy}
        className={`${props.id}-submit`}
        onClick={async () => {
          void askConsents('sign');
          props.onSign((await pad.current?.export().catch(() => null)) ?? null);
        }}
      >
        {props.label}
      </Button>
    </View>
  );
}

/** Read the agreement filled with the child's choices, and sign it (and the go-home-alone permit). */
export default function AgreementPage() {
  const { applicationId = '' } = useParams();
  const view = useLoad(() => api.agreement.getAgreement({ applicationId }), [applicationId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (view.loading && !view.data) return <Loading />;
  if (view.error || !view.data) return <ErrorCard message={view.error ?? '加载失败'} onRetry={view.reload} />;
  const data = view.data;

  const run = async (action: () => Promise<{ status: string }>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      toast(result.status === 'active' ? '已签署，报名已生效' : done, 'success');
      await view.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : '签署失败，请稍后再试');
      await view.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">课后服务协议书 · {data.studentName}</Text>
        <Text className="muted">
          {data.className}
          {data.template ? ` · 第 ${data.template.version} 版` : ''}
        </Text>
        {data.reason && <Text className="notice">{data.reason}</Text>}
        {data.needsResign && <Text className="notice warn-text">学校发布了新版本的协议，请阅读后重新签署。</Text>}
        {data.signedVersion !== null && data.signedVersion > 0 && !data.needsResign && (
          <Text className="status-line ok-text signed-note">已签署第 {data.signedVersion} 版</Text>
        )}
        {error && <Text className="error-text">{error}</Text>}
      </View>

      {data.agreement && (
        <View className="card">
          <DocumentText document={data.agreement} />
          {data.canSign && (
            <SignBlock
              id="agreement"
              label="签署协议"
              busy={busy}
              onSign={(image) =>
                run(
                  () =>
                    api.agreement.signAgreement({
                      applicationId,
                      version: data.template!.version,
                      textHash: data.agreement!.textHash,
                      ...(image ? { image } : {}),
                    }),
                  '协议已签署',
                )
              }
            />
          )}
        </View>
      )}

      {data.permit.required && data.permit.document && (
        <View className="card">
          <Text className="card-title">独自回家证</Text>
          <Text className="section-note">孩子独自回家需要监护人单独签署，孩子每天随身携带。</Text>
          <DocumentText document={data.permit.document} />
          {data.permit.signed && <Text className="status-line ok-text">已签署</Text>}
          {data.permit.canSign && (
            <SignBlock
              id="permit"
              label="签署独自回家证"
              busy={busy}
              onSign={(image) =>
                run(
                  () => api.agreement.signPermit({ applicationId, textHash: data.permit.document!.textHash, ...(image ? { image } : {}) }),
                  '独自回家证已签署',
                )
              }
            />
          )}
        </View>
      )}

      {data.signatures.length > 0 && (
        <View className="card">
          <Text className="card-title">签署记录</Text>
          {data.signatures.map((s) => (
            <View
              key={s.signatureId}
              className="row signature-row"
              onClick={() => go(`/parent/signature/index?signatureId=${encodeURIComponent(s.signatureId)}`)}
            >
              <Text>
                {s.kind === 'permit' ? '独自回家证' : `协议第 ${s.version} 版`} · {s.signerName} · {shortTime(s.signedAt)}
              </Text>
              <Text className="link">查看与核验</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
