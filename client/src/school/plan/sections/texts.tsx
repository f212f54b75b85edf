import { Text, View } from '@tarojs/components';
import { useEditor } from '../editor-context';
import { NumberField, TextField, TimeInput } from '../fields';

/** Safety measures, the emergency plan and the hand-over and pick-up arrangement. */
export function SafetySection() {
  const { content, change } = useEditor();
  return (
    <View className="card" id="section-safety">
      <Text className="card-title">安全与接送</Text>
      <TextField
        label="安全措施"
        multiline
        value={content.safety.measures}
        placeholder="考勤、看护、交接班、门卫登记……"
        onChange={(v) => change((d) => (d.safety.measures = v))}
        path="safety.measures"
      />
      <TextField
        label="安全应急预案"
        multiline
        value={content.safety.emergencyPlan}
        placeholder="突发疾病、意外伤害、火灾、地震等的处置流程和值班电话"
        onChange={(v) => change((d) => (d.safety.emergencyPlan = v))}
        path="safety.emergencyPlan"
      />
      <TextField
        label="接送安排"
        multiline
        maxlength={500}
        value={content.pickup.arrangement}
        placeholder="在哪里、由谁、怎样把孩子交给家长；独自回家的学生如何离校"
        onChange={(v) => change((d) => (d.pickup.arrangement = v))}
        path="pickup.arrangement"
      />
      <TimeInput label="接送时间" className="pickup-time" value={content.pickup.pickupTime} onChange={(v) => change((d) => (d.pickup.pickupTime = v))} />
    </View>
  );
}

/** Funding and the expected number of participating students (for budget checks). */
export function FundingSection() {
  const { content, change } = useEditor();
  return (
    <View className="card" id="section-funding">
      <Text className="card-title">经费</Text>
      <TextField
        label="经费来源与使用"
        multiline
        value={content.funding}
        placeholder="收费标准、财政补助、专款专用、支出范围"
        onChange={(v) => change((d) => (d.funding = v))}
        path="funding"
      />
      <NumberField
        label="预计参加学生（人）"
        value={content.expectedStudents}
        onChange={(v) => change((d) => (d.expectedStudents = v ?? 0))}
        path="expectedStudents"
      />
    </View>
  );
}
