export const PROFILE_IDS = ['qijiang-2020', 'yueyang-2019', 'xxcity-2024', 'suifenhe-2021'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
