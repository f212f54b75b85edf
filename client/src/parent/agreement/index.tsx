import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { askConsents } from '../../ui/consents';
import { Checkbox } from '../../ui/form';
import { go, toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { useParams } from '../../ui/params';
import { ErrorCard, Loading } from '../../ui/states';
import { shortTime } from '../components/labels';
import { type SignatureImage, SignaturePad, type SignaturePadHandle } from '../components/signature-pad';
import { useReached } from '../components/use-reached';
import '../components/enrollment.scss';
import { AgreementText, Verification } from './agreement-text';
import { ResignChanges } from './changes';

/** What still stands between the parent and signing, in the order they meet it. */
function signHint(read: boolean, drawn: boolean, agreed: boolean): string | null {
  if (!read) return '请先读到全文末尾';
  if (!drawn) return '请在上面手写签名';
  if (!agreed) return '请勾选「我已阅读以上全文，同意并签署」';
  return null;
}

/** Signing needs the end of the text reached, the handwritten signature and the tick. */
function SignBlock(props: { id: string; label: string; busy: boolean; read: boolean; onSign: (image: SignatureImage) => Promise<void> }) {
  const [agreed, setAgreed] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const pad = useRef<SignaturePadHandle>(null);
  const hint = signHint(props.read, drawn, agreed);
  return (
    <View className="sub-card sign-block">
      <SignaturePad id={`${props.id}-pad`} ref={pad} onDrawn={setDrawn} />
      <View className={`choice-card agree-choice ${agreed ? 'choice-card-on' : ''}`} onClick={() => setAgreed(!agreed)}>
        <Checkbox checked={agreed} label="我已阅读以上全文，同意并签署" onChange={() => undefined} />
      </View>
      {hint && <Text className={`section-note sign-hint ${props.id}-hint`}>{hint}</Text>}
      <Button
        type="primary"
        block
        disabled={hint !== null}
        loading={props.busy}
        className={`${props.id}-submit`}
        onClick={async () => {
          void askConsents('sign');
          const image = await pad.current?.export().catch(() => null);
          if (!image) {
            toast('没有取到手写签名，请重写一次');
            return;
          }
          await props.onSign(image);
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
  const data = view.data;
  const agreementRead = useReached('.agreement-end', !!data?.agreement && data.canSign);
  const permitRead = useReached('.permit-end', !!data?.permit.document && data.permit.canSign);
  if (view.loading && !data) return <Loading />;
  if (view.error || !data) return <ErrorCard message={view.error ?? '加载失败'} onRetry={view.retry} />;

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
  const template = data.template;

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">课后服务协议书 · {data.studentName}</Text>
        <Text className="muted agreement-version">
          {data.className}
          {template ? ` · 协议第 ${template.version} 版` : ''}
          {template?.planVersion ? `（依据课后服务方案第 ${template.planVersion} 版）` : ''}
        </Text>
        {data.reason && <Text className="notice">{data.reason}</Text>}
        {data.needsResign && <Text className="notice warn-text">学校发布了新版本的协议，请看看改了什么，读完后重新签署。</Text>}
        {data.signedVersion !== null && data.signedVersion > 0 && !data.needsResign && (
          <Text className="status-line ok-text signed-note">已签署第 {data.signedVersion} 版</Text>
        )}
        {error && <Text className="error-text">{error}</Text>}
      </View>

      {data.changes && template && data.signedVersion !== null && <ResignChanges changes={data.changes} from={data.signedVersion} to={template.version} />}

      {data.agreement && (
        <View className="card">
          <AgreementText document={data.agreement} endClass="agreement-end" />
          <Verification document={data.agreement} />
          {data.canSign && template && (
            <SignBlock
              id="agreement"
              label="签署协议"
              busy={busy}
              read={agreementRead}
              onSign={(image) =>
                run(() => api.agreement.signAgreement({ applicationId, version: template.version, textHash: data.agreement!.textHash, image }), '协议已签署')
              }
            />
          )}
        </View>
      )}

      {data.permit.required && data.permit.document && (
        <View className="card">
          <Text className="card-title">独自回家证</Text>
          <Text className="section-note">孩子独自回家需要监护人单独签署，孩子每天随身携带。</Text>
          <Text className="agreement-body">{data.permit.document.text}</Text>
          <View className="doc-end permit-end" />
          <Verification document={data.permit.document} />
          {data.permit.signed && <Text className="status-line ok-text">已签署</Text>}
          {data.permit.canSign && (
            <SignBlock
              id="permit"
              label="签署独自回家证"
              busy={busy}
              read={permitRead}
              onSign={(image) => run(() => api.agreement.signPermit({ applicationId, textHash: data.permit.document!.textHash, image }), '独自回家证已签署')}
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
