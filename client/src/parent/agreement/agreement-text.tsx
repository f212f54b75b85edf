import { type SignableDocument, sha256, splitSections } from '@kehou/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Collapse, CollapseItem } from '../../ui/nutui';

/** A section longer than this folds (open at first: the agreement reads as one page). */
const LONG_SECTION_CHARS = 160;

/** The agreement as one page, section by section; the long ones in a Collapse the parent can fold once read. */
export function AgreementText({ document, endClass }: { document: SignableDocument; endClass: string }) {
  const [title, subtitle] = document.text.split('\n');
  const sections = splitSections(document.text);
  const long = sections.filter((s) => s.lines.join('').length > LONG_SECTION_CHARS).map((s) => s.heading);
  // Controlled, and an open section sized by its text (agreement-section-open), not by a height
  // measured once: nothing is cut off, and the end of the text is only in view after all of it.
  const [open, setOpen] = useState<string[]>(long);
  return (
    <View className="agreement-doc">
      <Text className="agreement-title">{title}</Text>
      <Text className="muted agreement-subtitle">{subtitle}</Text>
      <Collapse activeName={open} onChange={(value) => setOpen(value as string[])} className="agreement-sections">
        {sections.map((section) =>
          long.includes(section.heading) ? (
            <CollapseItem
              key={section.heading}
              name={section.heading}
              title={section.heading}
              className={`agreement-section ${open.includes(section.heading) ? 'agreement-section-open' : ''}`}
            >
              <Text className="agreement-body">{section.lines.join('\n')}</Text>
            </CollapseItem>
          ) : (
            <View key={section.heading} className="agreement-section agreement-section-short">
              <Text className="agreement-heading">{section.heading}</Text>
              <Text className="agreement-body">{section.lines.join('\n')}</Text>
            </View>
          ),
        )}
      </Collapse>
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
