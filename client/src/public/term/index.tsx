import { chinaDateTime, type PublicTermView, publicTermPath } from '@kehou/shared/disclosure';
import { Button as NativeButton, Picker, Text, View } from '@tarojs/components';
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { ChangeList } from '../../components/plan-changes';
import { PlanSections } from '../../components/plan-view';
import { RulesHistory } from '../../components/rules-history';
import { MoreRow } from '../../ui/more-row';
import { go } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { copyText, enrolPath, h5Link, useShareMenu } from '../../ui/share';
import { ErrorCard, Loading } from '../../ui/states';
import { usePagedList } from '../../ui/use-paged-list';

/**
 * The public page of a school's term, open without signing in: the published plan (service time,
 * method, content, safety, fees and refunds, staff and providers), its earlier versions, and the
 * enrolled list with masked names. Shared to class groups as a card (or a link in H5).
 */
export default function PublicTermPage() {
  const { schoolId = '', termId = '' } = useRouter().params;
  const [version, setVersion] = useState<number | undefined>(undefined);
  const page = useLoad(() => api.disclosure.getPublicTerm({ schoolId, termId, ...(version ? { version } : {}) }), [schoolId, termId, version]);
  const rules = useLoad(() => api.committee.getPublicRules({ schoolId }), [schoolId]);
  useShareMenu();
  useShareAppMessage(() => ({
    title: page.data
      ? `${page.data.schoolName}${page.data.termName}课后服务方案${page.data.publication ? `（第 ${page.data.publication.version} 版）` : ''}`
      : '课后服务方案',
    path: `/${page.data?.sharePath ?? publicTermPath(schoolId, termId)}`,
  }));

  if (page.loading && !page.data) return <Loading />;
  if (page.error || !page.data) return <ErrorCard message={page.error ?? '加载失败'} onRetry={page.retry} />;
  const view = page.data;
  const shown = view.publication;
  const link = h5Link(view.sharePath);

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{view.schoolName}</Text>
        <Text>{view.termName} 课后服务</Text>
        {shown ? (
          <Text className="section-note">
            第 {shown.version} 版 · {chinaDateTime(shown.publishedAt)} 公开{shown.current ? '（当前版本）' : '（历史版本）'}
          </Text>
        ) : (
          <Text className="section-note">学校尚未公开本学期的课后服务方案。</Text>
        )}
        <Text className="section-note">课后服务由家长自愿报名参加，不报名不影响孩子正常学习。</Text>
        {shown && (
          <View className="btn-row">
            <Button type="primary" className="public-enrol" onClick={() => go(enrolPath(schoolId, termId))}>
              我要报名
            </Button>
          </View>
        )}
        {shown && !shown.current && (
          <View className="btn-row">
            <Text className="link" onClick={() => setVersion(undefined)}>
              查看当前版本
            </Text>
          </View>
        )}
      </View>

      {shown && view.changesFromPrevious.length > 0 && (
        <View className="card">
          <Text className="card-title">与第 {view.previousVersion} 版相比</Text>
          <ChangeList changes={view.changesFromPrevious} />
        </View>
      )}

      {shown && <PlanSections content={shown.content} fees={shown.fees} />}

      {shown && <EnrolledList schoolId={schoolId} termId={termId} classes={view.classes} first={view} />}

      {view.versions.length > 0 && (
        <View className="card">
          <Text className="card-title">公开记录</Text>
          <Text className="section-note">公开后的方案不再改动；每次修改都重新备案并公开新版本。</Text>
          {[...view.versions].reverse().map((v) => (
            <View key={v.version} className="row" onClick={() => setVersion(v.current ? undefined : v.version)}>
              <Text className={shown?.version === v.version ? '' : 'link'}>第 {v.version} 版</Text>
              <Text className="muted">
                {chinaDateTime(v.publishedAt)}
                {v.current ? ' · 当前' : ''}
              </Text>
            </View>
          ))}
        </View>
      )}

      {shown && (
        <View className="card">
          <Text className="card-title">转发给家长</Text>
          {process.env.TARO_ENV === 'h5' ? (
            <>
              <Text className="section-note share-link">{link}</Text>
              <View className="btn-row">
                <Button size="small" onClick={() => void copyText(link, '链接已复制')}>
                  复制链接
                </Button>
              </View>
            </>
          ) : (
            <NativeButton openType="share" size="mini">
              分享到班级群
            </NativeButton>
          )}
          <View className="btn-row">
            <Text className="link" onClick={() => go(`/public/article/index?schoolId=${encodeURIComponent(schoolId)}&termId=${encodeURIComponent(termId)}`)}>
              公众号文章
            </Text>
          </View>
        </View>
      )}

      <View className="card public-rules">
        <Text className="card-title">课后服务管理制度</Text>
        {rules.data ? <RulesHistory overview={rules.data} /> : <Text className="muted">{rules.error ?? '加载中…'}</Text>}
      </View>
      <View className="card">
        <Text className="card-title">公开事项及依据</Text>
        <Text className="section-note">{view.profileName}</Text>
        {view.disclosureItems.map((d) => (
          <Text key={d.key} className="citation">
            {d.label}：{d.citation}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** The enrolled list, of one class or all, a page at a time (more on scroll). */
function EnrolledList(props: { schoolId: string; termId: string; classes: PublicTermView['classes']; first: PublicTermView }) {
  const [classId, setClassId] = useState<string | undefined>(undefined);
  const list = usePagedList(
    async (skip, limit) => {
      const view = await api.disclosure.getPublicTerm({ schoolId: props.schoolId, termId: props.termId, ...(classId ? { classId } : {}), skip, limit });
      return { rows: view.enrolled, total: view.enrolledTotal, nextSkip: view.enrolledNextSkip };
    },
    [props.schoolId, props.termId, classId],
    { pageSize: 100, loadOnScroll: true },
  );
  const range = ['全部班级', ...props.classes.map((c) => c.className)];
  const index = classId ? props.classes.findIndex((c) => c.classId === classId) + 1 : 0;
  const rows = list.rows.length || list.total ? list.rows : props.first.enrolled;
  return (
    <View className="card" id="enrolled-list">
      <Text className="card-title">报名公示名单</Text>
      {props.classes.length > 1 && (
        <Picker mode="selector" range={range} value={index} onChange={(e) => setClassId(props.classes[Number(e.detail.value) - 1]?.classId)}>
          <View className="input">{range[index] ?? range[0]}</View>
        </Picker>
      )}
      {rows.length === 0 && !list.loading ? (
        <Text className="muted">暂无公示名单。</Text>
      ) : (
        <>
          <Text className="section-note">共 {list.total || props.first.enrolledTotal} 人，仅显示班级和部分姓名。</Text>
          {rows.map((e, i) => (
            <View key={`${e.className}-${e.name}-${i}`} className="row">
              <Text>{e.name}</Text>
              <Text className="muted">{e.className}</Text>
            </View>
          ))}
          <MoreRow list={list} />
        </>
      )}
    </View>
  );
}
