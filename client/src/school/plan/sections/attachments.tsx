import { hasExternalProviders } from '@kehou/shared/disclosure';
import { formatCitation } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button } from '../../../ui/nutui';
import { useEditor } from '../editor-context';
import { Issues, RemoveLink } from '../fields';
import { pickAndUpload } from '../upload';

/** The filing package the profile requires, one upload per document, stored in cloud storage. */
export function AttachmentsSection() {
  const { content, change, view, readOnly } = useEditor();
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const external = hasExternalProviders(content);
  const documents = view.filingDocuments.filter((d) => !d.whenExternalProviders || external);

  async function upload(key: string) {
    setError(null);
    setBusyKey(key);
    try {
      const attachment = await pickAndUpload({ schoolId: view.school.schoolId, termId: view.term.termId, key });
      if (attachment) change((d) => (d.attachments = [...d.attachments.filter((a) => a.key !== key), attachment]));
    } catch (e) {
      setError(e instanceof Error ? e.message : '上传失败');
    } finally {
      setBusyKey(null);
    }
  }

  return (
    <View className="card" id="section-attachments">
      <Text className="card-title">备案材料</Text>
      {documents.length === 0 && <Text className="muted">本地政策没有要求上传备案材料。</Text>}
      {documents.map((document) => {
        const attached = content.attachments.find((a) => a.key === document.key);
        return (
          <View key={document.key} className="sub-card attachment-card" data-key={document.key}>
            <Text className="field-label">{document.label}</Text>
            <Text className="citation">依据：{formatCitation(document.citation)}</Text>
            {attached ? <Text className="ok-text">已上传：{attached.name}</Text> : <Text className="muted">未上传</Text>}
            {!readOnly && (
              <View className="btn-row">
                <Button size="small" loading={busyKey === document.key} onClick={() => void upload(document.key)}>
                  {attached ? '重新上传' : '上传文件'}
                </Button>
                {attached && <RemoveLink onRemove={() => change((d) => (d.attachments = d.attachments.filter((a) => a.key !== document.key)))} />}
              </View>
            )}
            <Issues path={`attachments.${document.key}`} />
          </View>
        );
      })}
      {error && <Text className="error-text">{error}</Text>}
      <Text className="section-note">支持 PDF、图片、Word、Excel，单个文件不超过 2 MB。</Text>
    </View>
  );
}
