import { chinaDate } from '@kehou/shared';
import { RATING_LABELS, type SurveyItem } from '@kehou/shared/committee';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useLoad } from '../../api/use-call';
import { toast } from '../../ui/navigate';
import { Button } from '../../ui/nutui';
import { ErrorCard, Loading } from '../../ui/states';
import './survey.scss';

/** A parent rates this term's service for one child (1–5 per item, a comment), and may change it until the survey closes. */
export default function ParentSurvey() {
  const params = useRouter().params;
  const home = useLoad(() => api.enrollment.getHome());
  const children = (home.data?.children ?? []).filter((c) => c.bindingStatus === 'confirmed');
  const [childIndex, setChildIndex] = useState(0);
  useEffect(() => {
    const at = children.findIndex((c) => c.studentId === params.studentId);
    if (at >= 0) setChildIndex(at);
  }, [children.length, params.studentId]);
  const child = children[childIndex];
  const form = useLoad(async () => (child ? api.committee.getSurveyForm({ studentId: child.studentId }) : null), [child?.studentId]);
  const [ratings, setRatings] = useState<Partial<Record<SurveyItem, number>>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setRatings(form.data?.answer?.ratings ?? {});
    setComment(form.data?.answer?.comment ?? '');
  }, [form.data]);

  if (home.loading && !home.data) return <Loading />;
  if (home.error || !home.data) return <ErrorCard message={home.error ?? '加载失败'} onRetry={home.reload} />;
  if (!child)
    return (
      <View className="page">
        <View className="card">
          <Text className="muted">绑定孩子并经班主任确认后，可以填写孩子学校的满意度调查。</Text>
        </View>
      </View>
    );
  const data = form.data;
  const survey = data?.survey;
  const complete = data ? data.items.every((i) => ratings[i.key]) : false;
  const submit = async () => {
    if (!survey || !complete) return toast('请为每一项打分');
    setBusy(true);
    try {
      await api.committee.answerSurvey({ studentId: child.studentId, surveyId: survey.surveyId, ratings: ratings as Record<SurveyItem, number>, comment });
      toast(data?.answer ? '已修改' : '已提交，谢谢您', 'success');
      await form.reload();
    } catch (e) {
      toast((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="page survey-page">
      <View className="card">
        <Text className="card-title">课后服务满意度调查</Text>
        <Text className="muted">每个孩子一份答卷，家里任何一位监护人都可以填写或修改。家委会和学校只看到汇总结果，看不到是谁填写的。</Text>
        {children.length > 1 && (
          <View className="field">
            <Text className="field-label">为哪个孩子填写</Text>
            <Picker
              mode="selector"
              range={children.map((c) => `${c.name}（${c.schoolName}）`)}
              value={childIndex}
              onChange={(e) => setChildIndex(Number(e.detail.value))}
            >
              <View className="input">{`${child.name}（${child.schoolName}）`}</View>
            </Picker>
          </View>
        )}
      </View>
      {form.loading && !data && <Loading />}
      {form.error && <ErrorCard message={form.error} onRetry={form.reload} />}
      {data && !survey && (
        <View className="card">
          <Text className="muted">{data.schoolName}本学期还没有发起满意度调查。</Text>
        </View>
      )}
      {data && survey && (
        <View className="card">
          <Text className="card-title">
            {data.schoolName} · {survey.termName}
          </Text>
          <Text className={survey.accepting ? 'muted' : 'warn-text'}>{survey.accepting ? `${survey.closesOn} 截止，截止前可以修改` : '调查已结束'}</Text>
          {data.answer && <Text className="section-note ok-text">已填写（{chinaDate(data.answer.updatedAt)}）</Text>}
          {data.items.map((item) => (
            <View key={item.key} className={`field survey-item survey-item-${item.key}`}>
              <Text className="field-label">{item.label}</Text>
              <View className="survey-scale">
                {RATING_LABELS.map((label, i) => (
                  <View
                    key={label}
                    className={`survey-score survey-score-${i + 1} ${ratings[item.key] === i + 1 ? 'survey-score-on' : ''}`}
                    onClick={() => survey.accepting && setRatings({ ...ratings, [item.key]: i + 1 })}
                  >
                    <Text className="survey-score-number">{i + 1}</Text>
                    <Text className="survey-score-label">{label}</Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
          <View className="field">
            <Text className="field-label">意见和建议（选填）</Text>
            <Textarea
              className="input survey-comment"
              value={comment}
              maxlength={300}
              disabled={!survey.accepting}
              placeholder="不要写孩子或家长的姓名"
              onInput={(e) => setComment(e.detail.value)}
            />
          </View>
          {survey.accepting && (
            <View className="btn-row">
              <Button type="primary" className="survey-submit" disabled={busy || !complete} onClick={() => void submit()}>
                {data.answer ? '修改答卷' : '提交'}
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  );
}
