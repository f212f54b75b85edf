import type { Provider, StaffMember } from '@kehou/shared';
import { PROVIDER_LABELS, PROVIDER_TYPES } from '@kehou/shared/policy';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../ui/nutui';
import { newId, useEditor } from '../editor-context';
import { Chips, FieldLabel, FieldPair, Issues, OwnIssues, RemoveLink, TextField, Toggle } from '../fields';

const STAFF_KINDS = [
  { value: 'school' as const, label: '本校教职工' },
  { value: 'external' as const, label: '外聘人员' },
];
const PROVIDER_OPTIONS = PROVIDER_TYPES.map((t) => ({ value: t, label: PROVIDER_LABELS[t] }));
const LIST_OPTIONS = [
  { value: 'white' as const, label: '白名单' },
  { value: 'black' as const, label: '黑名单' },
  { value: 'none' as const, label: '未列入' },
];

/** The staff list: school staff and external staff, with their vetting. */
export function StaffSection() {
  const { content, change, readOnly } = useEditor();
  return (
    <View className="card" id="section-staff">
      <Text className="card-title">服务人员</Text>
      <OwnIssues path="staff" />
      {content.staff.map((member, s) => {
        const edit = (fn: (draft: StaffMember) => void) => change((d) => fn(d.staff[s]));
        return (
          <View key={member.id} className="sub-card staff-card">
            <FieldPair paths={[`staff.${s}.name`]}>
              <TextField label="姓名" value={member.name} maxlength={20} onChange={(v) => edit((x) => (x.name = v))} />
              <TextField label="职责" value={member.duty} placeholder="如：三年级看护" onChange={(v) => edit((x) => (x.duty = v))} />
            </FieldPair>
            <Chips options={STAFF_KINDS} selected={[member.kind]} onToggle={(kind) => edit((x) => (x.kind = kind))} />
            {member.kind === 'external' && (
              <View className="field">
                <Toggle label="已审核" on={member.vetted} onChange={(on) => edit((x) => (x.vetted = on))} />
              </View>
            )}
            <Issues path={`staff.${s}.vetted`} />
            <RemoveLink onRemove={() => change((d) => d.staff.splice(s, 1))} />
          </View>
        );
      })}
      {!readOnly && (
        <Button size="small" onClick={() => change((d) => d.staff.push({ id: newId('staff'), name: '', kind: 'school', duty: '', vetted: true }))}>
          添加人员
        </Button>
      )}
    </View>
  );
}

/** Who runs the items: the school's staff, volunteers, public-interest bodies, companies; vetting and black/white list. */
export function ProvidersSection() {
  const { content, change, readOnly } = useEditor();
  return (
    <View className="card" id="section-providers">
      <Text className="card-title">服务机构</Text>
      <Text className="section-note">校外机构须经审核；有黑白名单制度的地方，公益机构须在白名单上。</Text>
      {content.providers.map((provider, p) => {
        const edit = (fn: (draft: Provider) => void) => change((d) => fn(d.providers[p]));
        return (
          <View key={provider.id} className="sub-card provider-card">
            <TextField label="名称" value={provider.name} onChange={(v) => edit((x) => (x.name = v))} />
            <FieldLabel>类型</FieldLabel>
            <Chips options={PROVIDER_OPTIONS} selected={[provider.type]} onToggle={(type) => edit((x) => (x.type = type))} />
            {provider.type !== 'staff' && (
              <View className="field">
                <Toggle label="已审核" on={provider.vetted} onChange={(on) => edit((x) => (x.vetted = on))} />
                <FieldLabel>黑白名单</FieldLabel>
                <Chips options={LIST_OPTIONS} selected={[provider.list ?? 'none']} onToggle={(list) => edit((x) => (x.list = list === 'none' ? null : list))} />
              </View>
            )}
            <RemoveLink onRemove={() => change((d) => d.providers.splice(p, 1))} />
          </View>
        );
      })}
      {!readOnly && (
        <Button size="small" onClick={() => change((d) => d.providers.push({ id: newId('prov'), name: '', type: 'nonprofit', vetted: false, list: null }))}>
          添加机构
        </Button>
      )}
    </View>
  );
}
