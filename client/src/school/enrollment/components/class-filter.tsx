import { Picker, Text, View } from '@tarojs/components';

/** Picks one class of the school, or all of them, to filter a list by. */
export function ClassFilter(props: {
  classes: { classId: string; className: string }[];
  classId: string | undefined;
  onChange: (classId: string | undefined) => void;
}) {
  const range = ['全部班级', ...props.classes.map((c) => c.className)];
  const index = props.classId ? props.classes.findIndex((c) => c.classId === props.classId) + 1 : 0;
  return (
    <View className="field class-filter">
      <Text className="field-label">班级</Text>
      <Picker mode="selector" range={range} value={index} onChange={(e) => props.onChange(props.classes[Number(e.detail.value) - 1]?.classId)}>
        <View className="input">{range[index] ?? range[0]}</View>
      </Picker>
    </View>
  );
}
