/**
 * Every database collection the cloud functions use. WeChat requires collections to exist before
 * use: create these in the cloud console when deploying (the local runtime creates them on start).
 */
export const COLLECTIONS = [
  'users',
  'schools',
  'terms',
  'classes',
  'students',
  'guardianships',
  'plans',
  'planVersions',
  'publications',
  'applications',
  'hardshipDeclarations',
  'listings',
  'guardianContacts',
  'clubSeats',
  'agreementTemplates',
  'signatures',
  'attendance',
  'feeNotices',
  'feeNoticeWaivers',
  'feeBillingRuns',
  'refunds',
  'payments',
  'refundPayouts',
  'spending',
  'feedback',
  'audit',
  'bindAttempts',
  'counters',
  'surveys',
  'surveyAnswers',
  'surveyTallies',
  'managementRules',
  'dutySignups',
  'schoolSummaries',
  'supervisionNotes',
  'reportFilings',
] as const;

export type CollectionName = (typeof COLLECTIONS)[number];
