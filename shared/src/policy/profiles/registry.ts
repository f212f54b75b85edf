import { qijiang2020 } from './qijiang-2020';
import { suifenhe2021 } from './suifenhe-2021';
import type { PolicyProfile } from './types';
import { xxcity2024 } from './xxcity-2024';
import { yueyang2019 } from './yueyang-2019';

/** Every profile the product supports. A new profile is one file in this folder plus one entry here. */
const PROFILES = [qijiang2020, yueyang2019, xxcity2024, suifenhe2021] as const;

export type ProfileId = (typeof PROFILES)[number]['id'];

export const PROFILE_IDS: readonly [ProfileId, ...ProfileId[]] = [PROFILES[0].id, ...PROFILES.slice(1).map((profile) => profile.id)];

const BY_ID = new Map<string, PolicyProfile>(PROFILES.map((profile) => [profile.id, profile]));

export function listProfiles(): readonly PolicyProfile<ProfileId>[] {
  return PROFILES;
}

export function isProfileId(id: string): id is ProfileId {
  return BY_ID.has(id);
}

export function getProfile(id: ProfileId): PolicyProfile<ProfileId>;
export function getProfile(id: string): PolicyProfile | undefined;
export function getProfile(id: string): PolicyProfile | undefined {
  return BY_ID.get(id);
}

/** Chinese display names by profile id. */
export const PROFILE_NAMES: Readonly<Record<ProfileId, string>> = Object.fromEntries(PROFILES.map((profile) => [profile.id, profile.name])) as Record<
  ProfileId,
  string
>;
