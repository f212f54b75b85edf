import { type SignableDocument, sha256, splitSections } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

/** A section longer than this folds (open at first: the agreement reads as one page). */
const LONG_SECTION_CHARS = 160;

/**
 * The agreement as one page, section by section; the long ones fold once read. Not NutUI's
 * CollapseItem: it wraps each item in a <div>, which the mini-program's templates do not have, so
 * there the long sections of the text would not show at all.
 */
export function AgreementText({ document, endClass }: { document: SignableDocument; endClass: string }) {
  const [title, subtitle] = document.text.split('\n');
  const sections = splitSections(document.text);
  const long = sections.filter((s) => s.lines.join('').length > LONG_SECTION_CHARS).map((s) => s.heading);
  const [open, setOpen] = useState<string[]>(long);
  const toggle = (heading: string) => setOpen((was) => (was.includes(heading) ? was.filter((h) => h !== heading) : [...was, heading]));
  return (
    <View className="agreement-doc">
      <Text className="agreement-title">{title}</Text>
      <Text className="muted agreement-subtitle">{subtitle}</Text>
      <View className="agreement-sections">
        {sections.map((section) => {
          const folds = long.includes(section.heading);
          const shown = !folds || open.includes(section.heading);
          return (
            <View key={section.heading} className={`agreement-section ${folds ? 'agreement-section-long' : 'agreement-section-short'}`}>
              {folds ? (
                <View className="agreement-fold" onClick={() => toggle(section.heading)}>
                  <Text className="agreement-heading">{section.heading}</Text>
                  <Text className="muted agreement-fold-label">{shown ? '收起' : '展开'}</Text>
                </View>
              ) : (
                <Text className="agreement-heading">{section.heading}</Text>
              )}
              {shown && <Text className="agreement-body">{section.lines.join('\n')}</Text>}
            </View>
          );
        })}
      </View>
      <View className={`doc-end ${endClass}`}>
        <Text className="muted">—— 全文完 ——</Text>
      </View>
    </View>
  );
}

/** The hash, in plain words, and this phone's own check of it (the same pure sha256 as the cloud). */
export function Verification({ document }: { document: SignableDocument }) {
  const matches = sha256(document.text) === document.textHash;
  return (
    <View className="verify-box">
      <Text className="card-title">核验</Text>
      <Text className="section-note">
        上面的全文有一个「数字指纹」（SHA-256 摘要）。签署时，全文和指纹一起保存；以后任何人重新计算指纹就能核对：改动哪怕一个字，指纹都对不上。
      </Text>
      <Text className="hash">{document.textHash}</Text>
      <Text className={`section-note ${matches ? 'ok-text' : 'error-text'}`}>
        {matches ? '本机核验：全文与摘要一致' : '本机核验：全文与摘要不一致，请刷新'}
      </Text>
    </View>
  );
}
