/**
 * The policy profiles' ids, derived from the profile registry (adding a profile is one file and
 * one registry line: shared/README.md). Type-only here, so client code naming a profile id does
 * not pull the profiles' data into its package; `PROFILE_IDS` at run time is in `@kehou/shared/policy`.
 */
export type { ProfileId } from '../policy/profiles/registry';
