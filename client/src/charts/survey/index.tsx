import { chinaToday } from '@kehou/shared';
import { type ItemResult, RATING_LABELS, SURVEY_ITEMS, type SurveyResults } from '@kehou/shared/committee';
import { addDays } from '@kehou/shared/policy';
import { Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import { F2Chart } from '../components/f2-chart';
import { itemsChart, trendChart } from '../components/survey-charts';
import './survey.scss';

/**
 * The term survey for the school's admin and its parent committee: open it, close it, and read the
 * results per item and class and their trend across terms (charts, with the figures beside them).
 * Only counts and averages: who answered what is never shown, nor a class with fewer than 5 answers.
 */
export default function SurveyResultsPage() {
  const { schoolId = '' } = useRouter().params;
  const [surveyId, setSurveyId] = useState<string | undefined>(undefined);
  const results = useLoad(() => api.committee.getSurveyResults({ schoolId, surveyId }), [schoolId, surveyId]);
  const [closesOn, setClosesOn] = useState(addDays(chinaToday(), 14));
  const [busy, setBusy] = useState(false);
  if (results.loading && !results.data) return <Loading />;
  if (results.error || !results.data) return <ErrorCard message={results.error ?? '加载失败'} onRetry={results.reload} />;
  const r = results.data;
  const accepting = r.surveys.find((s) => s.accepting);
  const act = async (what: 'open' | 'close') => {
    setBusy(true);
    try {
      if (what === 'open') await api.committee.openSurvey({ schoolId, closesOn });
      else if (accepting) await api.committee.closeSurvey({ schoolId, surveyId: accepting.surveyId });
      toast(what === 'open' ? '已发起，家长可以填写了' : '调查已结束', 'success');
      setSurveyId(undefined);
      await results.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page survey-results">
      <View className="card">
        <Text className="card-title">满意度调查</Text>
        <Text className="muted">
          家长为每个孩子填写一份（安全、服务内容、看护与教师、收费、接送，1–5 分）。这里只显示汇总：看不到谁填了什么，不足 {r.minShown} 份的班级不单独显示。
        </Text>
        {accepting ? (
          <View className="btn-row">
            <Text className="section-note">
              {accepting.termName}的调查进行中，{accepting.closesOn} 截止
            </Text>
            <Button size="small" className="survey-close" disabled={busy} onClick={() => void act('close')}>
              结束调查
            </Button>
          </View>
        ) : (
          <View className="field">
            <Text className="field-label">发起本学期的调查，截止日期</Text>
            <Picker mode="date" value={closesOn} start={chinaToday()} onChange={(e) => setClosesOn(String(e.detail.value))}>
              <View className="input survey-closes-on">{closesOn}</View>
            </Picker>
            <View className="btn-row">
              <Button type="primary" size="small" className="survey-open" disabled={busy} onClick={() => void act('open')}>
                发起调查
              </Button>
            </View>
          </View>
        )}
        {r.surveys.length > 1 && (
          <View className="field">
            <Text className="field-label">查看哪个学期</Text>
            <Picker
              mode="selector"
              range={r.surveys.map((s) => s.termName)}
              value={Math.max(
                0,
                r.surveys.findIndex((s) => s.surveyId === r.survey?.surveyId),
              )}
              onChange={(e) => setSurveyId(r.surveys[Number(e.detail.value)].surveyId)}
            >
              <View className="input">{r.survey?.termName}</View>
            </Picker>
          </View>
        )}
      </View>
      {r.survey && <Results r={r} />}
    </View>
  );
}

function Results({ r }: { r: SurveyResults }) {
  const survey = r.survey!;
  return (
    <>
      <View className="card">
        <Text className="card-title">
          {survey.termName} · 共 <Text className="survey-answers">{r.answers}</Text> 份
        </Text>
        {!r.shown ? (
          <Text className="muted survey-too-few">答卷不足 {r.minShown} 份，暂不显示结果，以免认出是哪个家庭。</Text>
        ) : (
          <>
            <F2Chart id="survey-items-chart" chart={() => itemsChart(r.items)} deps={[survey.surveyId, r.answers]} />
            {r.items.map((item) => (
              <ItemRow key={item.key} item={item} />
            ))}
          </>
        )}
      </View>
      {r.shown && r.classes.length > 0 && (
        <View className="card">
          <Text className="card-title">各班平均分</Text>
          {r.classes.map((c) => (
            <View key={c.className} className="row survey-class">
              <Text>{c.className}</Text>
              <Text className="muted">
                {c.shown && c.items
                  ? `${c.answers} 份 · ${c.items.map((i) => `${SURVEY_ITEMS[i.key]} ${i.average ?? '—'}`).join(' · ')}`
                  : `不足 ${r.minShown} 份，不单独显示`}
              </Text>
            </View>
          ))}
        </View>
      )}
      {r.trend.length > 1 && (
        <View className="card">
          <Text className="card-title">各学期变化</Text>
          <F2Chart id="survey-trend-chart" chart={() => trendChart(r.trend)} deps={[r.trend.map((p) => p.answers).join(',')]} />
          {r.trend.map((p) => (
            <View key={p.termName} className="row survey-trend">
              <Text>{p.termName}</Text>
              <Text className="muted">
                {p.averages.safety === null
                  ? `${p.answers} 份（不足 ${r.minShown} 份）`
                  : `${p.answers} 份 · 安全 ${p.averages.safety} · 内容 ${p.averages.content}`}
              </Text>
            </View>
          ))}
        </View>
      )}
      {r.comments.length > 0 && (
        <View className="card">
          <Text className="card-title">家长的意见和建议</Text>
          {r.comments.map((c, i) => (
            <Text key={`${i}:${c}`} className="survey-comment-line">
              {c}
            </Text>
          ))}
        </View>
      )}
    </>
  );
}

function ItemRow({ item }: { item: ItemResult }) {
  const total = item.distribution.reduce((a, b) => a + b, 0) || 1;
  return (
    <View className={`survey-item-row survey-item-row-${item.key}`}>
      <View className="row">
        <Text>{item.label}</Text>
        <Text className="survey-average">{item.average ?? '—'} 分</Text>
      </View>
      <Text className="section-note">{item.distribution.map((n, i) => `${RATING_LABELS[i]} ${Math.round((n / total) * 100)}%`).join(' · ')}</Text>
    </View>
  );
}
