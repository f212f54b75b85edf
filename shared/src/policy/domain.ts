/** The vocabulary every policy rule speaks: stages, hardship kinds, content categories, providers. */

export const STAGES = ['primary', 'junior', 'junior-final', 'senior'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  primary: '小学',
  junior: '初中（非毕业年级）',
  'junior-final': '初三（毕业年级）',
  senior: '高中',
};

export const HARDSHIPS = ['none', 'registered-poor', 'subsistence', 'other'] as const;
export type Hardship = (typeof HARDSHIPS)[number];

export const HARDSHIP_LABELS: Record<Hardship, string> = {
  none: '无',
  'registered-poor': '建档立卡贫困户',
  subsistence: '低保家庭',
  other: '其他家庭经济困难',
};

export const ALLOWED_CATEGORIES = [
  'homework',
  'reading',
  'sports',
  'arts',
  'science',
  'labour',
  'games',
  'club',
  'film',
  'safety',
  'lecture',
  'legal',
  'visit',
] as const;
export const FORBIDDEN_CATEGORIES = ['subject-teaching', 'competition-training', 'commercial'] as const;
export const CATEGORIES = [...ALLOWED_CATEGORIES, ...FORBIDDEN_CATEGORIES] as const;
export type Category = (typeof CATEGORIES)[number];
export type ForbiddenCategory = (typeof FORBIDDEN_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  homework: '作业辅导与答疑',
  reading: '自主阅读',
  sports: '体育锻炼',
  arts: '艺术',
  science: '科普',
  labour: '劳动体验',
  games: '娱乐游戏',
  club: '社团及兴趣小组',
  film: '观看适宜影片',
  safety: '安全演练',
  lecture: '公益讲座',
  legal: '法制宣传',
  visit: '参观实践',
  'subject-teaching': '学科类集体教学或集体补课',
  'competition-training': '奥数等竞赛培训',
  commercial: '商业活动',
};

export const PROVIDER_TYPES = ['staff', 'volunteer', 'nonprofit', 'company'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PROVIDER_LABELS: Record<ProviderType, string> = {
  staff: '本校教职工',
  volunteer: '志愿者',
  nonprofit: '公益组织',
  company: '企业或社会培训机构',
};

export function isForbiddenCategory(category: Category): category is ForbiddenCategory {
  return (FORBIDDEN_CATEGORIES as readonly Category[]).includes(category);
}
