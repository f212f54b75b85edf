import type { ZodTypeAny } from 'zod';

/**
 * The Chinese name of every input field a person can be told about. A field gets its label from
 * its schema (`.describe('退回原因')`, which wins) or, for the fields every area shares (ids,
 * revisions, dates), from COMMON_LABELS by its key. An error message names the field with it
 * (「退回原因」至少需要 2 个字), never with the code's key (「reason」).
 *
 * `tests/integration/field-labels.test.ts` walks every contract input and fails on a field with
 * neither: add `.describe('中文')` where the field is declared, or its key here.
 */
export const COMMON_LABELS: Readonly<Record<string, string>> = {
  // ids: what the id points at
  applicationId: '报名申请',
  classId: '班级',
  feedbackId: '意见',
  guardianshipId: '绑定申请',
  listingId: '公示名单',
  noticeId: '收费通知',
  refundId: '退费申请',
  schoolId: '学校',
  signatureId: '签署记录',
  spendingId: '支出记录',
  studentId: '学生',
  termId: '学期',
  bureauId: '教育局',
  filingId: '备案',
  planId: '服务方案',
  itemId: '项目',
  itemIds: '服务项目',
  providerId: '服务提供方',
  staffIds: '服务人员',
  // bookkeeping every write carries
  revision: '修订号',
  requestId: '请求编号',
  digest: '预览校验码',
  textHash: '协议文本摘要',
  version: '版本',
  skip: '翻页位置',
  cursor: '翻页位置',
  limit: '每页条数',
  // dates and times
  date: '日期',
  effectiveDate: '生效日期',
  startDate: '开始日期',
  endDate: '结束日期',
  start: '开始时间',
  end: '结束时间',
  year: '年份',
  periodKey: '收费期间',
  // files
  file: '文件',
  fileID: '云存储文件',
  fileId: '云存储文件',
  base64: '文件内容',
  image: '手写签名',
  attachment: '附件',
  // words people write
  reason: '原因',
  note: '备注',
  name: '姓名',
  phone: '手机号',
  relation: '关系',
  decision: '处理结果',
  approve: '是否同意',
  status: '状态',
};

interface ZodDefLike {
  typeName?: string;
  description?: string;
  innerType?: ZodTypeAny;
  schema?: ZodTypeAny;
  type?: ZodTypeAny;
  in?: ZodTypeAny;
  getter?: () => ZodTypeAny;
  options?: ZodTypeAny[] | Map<unknown, ZodTypeAny>;
  valueType?: ZodTypeAny;
  left?: ZodTypeAny;
  right?: ZodTypeAny;
  items?: ZodTypeAny[];
  shape?: () => Record<string, ZodTypeAny>;
}

const defOf = (schema: ZodTypeAny): ZodDefLike => schema._def as ZodDefLike;

/** The schema under optional/nullable/default/effects/pipeline/lazy wrappers, and the description met on the way. */
function unwrap(schema: ZodTypeAny): { core: ZodTypeAny; description?: string } {
  let current = schema;
  let description = current.description;
  for (let depth = 0; depth < 20; depth++) {
    const def = defOf(current);
    const next =
      def.typeName === 'ZodOptional' ||
      def.typeName === 'ZodNullable' ||
      def.typeName === 'ZodDefault' ||
      def.typeName === 'ZodCatch' ||
      def.typeName === 'ZodReadonly'
        ? def.innerType
        : def.typeName === 'ZodEffects'
          ? def.schema
          : def.typeName === 'ZodBranded'
            ? def.type
            : def.typeName === 'ZodPipeline'
              ? def.in
              : def.typeName === 'ZodLazy'
                ? def.getter?.()
                : undefined;
    if (!next) break;
    current = next;
    description ??= current.description;
  }
  return { core: current, description };
}

/** The schemas a value of `core` may match (the options of a union, or itself). */
function alternatives(core: ZodTypeAny): ZodTypeAny[] {
  const def = defOf(core);
  if (def.typeName === 'ZodUnion' || def.typeName === 'ZodDiscriminatedUnion') {
    const options = def.options instanceof Map ? [...def.options.values()] : (def.options ?? []);
    return options.flatMap((option) => alternatives(unwrap(option).core));
  }
  if (def.typeName === 'ZodIntersection' && def.left && def.right) return [...alternatives(unwrap(def.left).core), ...alternatives(unwrap(def.right).core)];
  return [core];
}

function shapeOf(core: ZodTypeAny): Record<string, ZodTypeAny> | undefined {
  const def = defOf(core);
  return def.typeName === 'ZodObject' && def.shape ? def.shape() : undefined;
}

/** The element schema of an array, tuple (by index) or record value. */
function elementOf(core: ZodTypeAny, index: number): ZodTypeAny | undefined {
  const def = defOf(core);
  if (def.typeName === 'ZodArray' || def.typeName === 'ZodSet') return def.type;
  if (def.typeName === 'ZodTuple') return def.items?.[index];
  if (def.typeName === 'ZodRecord' || def.typeName === 'ZodMap') return def.valueType;
  return undefined;
}

function keyLabel(field: ZodTypeAny | undefined, key: string): string | undefined {
  const described = field ? unwrap(field).description : undefined;
  return described ?? COMMON_LABELS[key];
}

/**
 * The Chinese name of the field at `path` of an input (an issue's path): the field's own label,
 * after the item of a list it belongs to when there is one (「第 1 个接送人的姓名」).
 */
export function fieldLabel(schema: ZodTypeAny, path: ReadonlyArray<string | number>): string | undefined {
  const parts: string[] = [];
  let candidates: ZodTypeAny[] = [schema];
  for (const segment of path) {
    const next: ZodTypeAny[] = [];
    let label: string | undefined;
    for (const candidate of candidates) {
      for (const core of alternatives(unwrap(candidate).core)) {
        const shape = shapeOf(core);
        if (typeof segment === 'string' && shape && segment in shape) {
          const field = shape[segment];
          if (field) {
            label ??= keyLabel(field, segment);
            next.push(field);
          }
          continue;
        }
        const element = elementOf(core, typeof segment === 'number' ? segment : Number.NaN);
        if (element) next.push(element);
      }
    }
    if (typeof segment === 'number') parts.push('');
    else parts.push(label ?? COMMON_LABELS[segment] ?? '');
    candidates = next;
  }
  const leafAt = parts.length - 1;
  const lastIndex = path.reduce<number>((last, segment, i) => (typeof segment === 'number' ? i : last), -1);
  if (lastIndex < 0) return parts[leafAt] || undefined;
  const list = parts[lastIndex - 1] || '项';
  const nth = `第 ${(path[lastIndex] as number) + 1} 个${list}`;
  // An item of a list: 「第 2 个服务项目」; a field of one: 「第 1 个接送人的手机号」.
  if (lastIndex === leafAt) return nth;
  const leaf = parts[leafAt];
  return leaf ? `${nth}的${leaf}` : undefined;
}

/** An input field without a Chinese label: where it is and its key. */
export interface UnlabelledField {
  path: string;
  key: string;
}

/** Every field of an input (nested objects, list items and union options included) that has no label. */
export function unlabelledFields(schema: ZodTypeAny): UnlabelledField[] {
  const missing = new Map<string, UnlabelledField>();
  const open = new Set<ZodTypeAny>();
  const visit = (node: ZodTypeAny, path: string) => {
    for (const core of alternatives(unwrap(node).core)) {
      if (open.has(core)) continue; // a recursive (lazy) schema: its fields are being walked already
      open.add(core);
      const shape = shapeOf(core);
      if (shape) {
        for (const [key, field] of Object.entries(shape)) {
          const fieldPath = path ? `${path}.${key}` : key;
          if (!keyLabel(field, key)) missing.set(fieldPath, { path: fieldPath, key });
          visit(field, fieldPath);
        }
      } else {
        const element = elementOf(core, 0);
        if (element) visit(element, `${path}[]`);
      }
      open.delete(core);
    }
  };
  visit(schema, '');
  return [...missing.values()];
}
