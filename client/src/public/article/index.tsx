import { RichText, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { Button } from '../../ui/nutui';
import { copyText } from '../../ui/share';
import { ErrorCard, Loading } from '../../ui/states';

/**
 * The published plan as an article for the school's official account: the HTML to paste into the
 * 公众号 editor (inline styles only), a preview, and the mini-program path to link in the article.
 */
export default function ArticlePage() {
  const { schoolId = '', termId = '' } = useRouter().params;
  const article = useLoad(() => api.disclosure.getPublicArticle({ schoolId, termId }), [schoolId, termId]);
  if (article.loading && !article.data) return <Loading />;
  if (article.error || !article.data) return <ErrorCard message={article.error ?? '加载失败'} onRetry={article.retry} />;
  const { title, html, path } = article.data;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{title}</Text>
        <Text className="section-note">复制下面的 HTML，粘贴到公众号编辑器中；在文章里插入小程序时填写下面的路径。</Text>
        <View className="btn-row">
          <Button size="small" type="primary" onClick={() => void copyText(html, 'HTML 已复制')}>
            复制文章 HTML
          </Button>
          <Button size="small" onClick={() => void copyText(path, '路径已复制')}>
            复制小程序路径
          </Button>
        </View>
        <Text className="section-note article-path">小程序路径：{path}</Text>
      </View>
      <View className="card">
        <Text className="card-title">预览</Text>
        <RichText nodes={html} className="article-preview" />
      </View>
      <View className="card">
        <Text className="card-title">HTML</Text>
        <Textarea className="textarea article-html" value={html} maxlength={-1} disabled autoHeight />
      </View>
    </View>
  );
}
