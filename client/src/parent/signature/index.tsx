import { sha256 } from '@kehou/shared';
import { Image, Text, View } from '@tarojs/components';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { ErrorCard, Loading } from '../../ui/states';
import { shortTime } from '../components/labels';
import '../components/enrollment.scss';
import { useParams } from '../../ui/params';

/**
 * A signed agreement (or permit) and its verification, for the child's guardians, the class
 * teacher and the school's admins: the cloud's checks, and this device's own hash of the text.
 */
export default function SignaturePage() {
  const { signatureId = '' } = useParams();
  const detail = useLoad(() => api.agreement.verifySignature({ signatureId }), [signatureId]);
  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error || !detail.data) return <ErrorCard message={detail.error ?? '加载失败'} onRetry={detail.retry} />;
  const s = detail.data;
  const localOk = sha256(s.text) === s.textHash;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{s.kind === 'permit' ? '独自回家证' : `课后服务协议书（第 ${s.version} 版）`}</Text>
        <Text className="muted">
          学生 {s.studentName} · 签署人 {s.signerName} · {shortTime(s.signedAt)}
        </Text>
        <Text className={`status-line verification-result ${s.verification.valid && localOk ? 'ok-text' : 'error-text'}`}>
          {s.verification.valid && localOk ? '核验通过：签署后未被改动' : '核验未通过：内容与签署时不一致'}
        </Text>
        {s.verification.checks.map((c) => (
          <Text key={c.label} className={`check-line ${c.ok ? 'ok-text' : 'error-text'}`}>
            {c.ok ? '✓' : '✗'} {c.label}
          </Text>
        ))}
        <Text className={`check-line ${localOk ? 'ok-text' : 'error-text'}`}>{localOk ? '✓' : '✗'} 本机重新计算的摘要与记录一致</Text>
        <Text className="hash">摘要（SHA-256）：{s.textHash}</Text>
      </View>
      <View className="card">
        <Text className="agreement-text">{s.text}</Text>
        {s.imageUrl && (
          <View className="field">
            <Text className="field-label">手写签名</Text>
            <Image className="signature-image" src={s.imageUrl} mode="aspectFit" />
          </View>
        )}
      </View>
    </View>
  );
}
