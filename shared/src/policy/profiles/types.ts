import type { IsoDate } from '../core/calendar';
import type { Citation, Provision } from '../core/citation';
import type { ClockTime } from '../core/clock';
import type { Timeline } from '../core/parameter';
import type { ForbiddenCategory, Hardship, ProviderType, Stage } from '../domain';

/** A local after-school service policy, as data. Rules in fees/, schedule/, plan/ … read it. */
export interface PolicyProfile<Id extends string = string> {
  readonly id: Id;
  /** Chinese display name, e.g. 重庆市綦江区（2020）. */
  readonly name: string;
  readonly document: PolicyDocument;
  /** Stages the document covers (informational; the engine does not refuse other stages). */
  readonly stages: Provision<readonly Stage[]>;
  readonly fees: FeeRules;
  readonly refunds: RefundRules;
  readonly schedule: ScheduleRules;
  readonly content: ContentRules;
  readonly providers: ProviderRules;
  readonly budget: BudgetRules | null;
  readonly disclosureItems: readonly DisclosureItem[];
  readonly filing: FilingRules | null;
  readonly reports: readonly ReportDuty[];
  /** The basic care service may never turn a student away. */
  readonly basicCareRefusable: Provision<false>;
  /** Who must adopt the school's management rules before they apply (null: the document asks no adoption). */
  readonly managementRules: ManagementRulesAdoption | null;
}

/** A body that adopts the school's management rules. */
export type RulesAdopter = 'parent-committee' | 'staff-congress';

export interface ManagementRulesAdoption {
  /** Every one of these adopts the rules before they apply, and so before the agreement stating them is published. */
  readonly adoptedBy: readonly RulesAdopter[];
  readonly citation: Citation;
}

export interface PolicyDocument {
  readonly title: string;
  /** 文号 when the document has one; otherwise the title. Used as Citation.doc. */
  readonly citeAs: string;
  readonly issuer: string;
  readonly inForce: { readonly from: IsoDate; readonly to?: IsoDate };
  /** File name in shared/seeds/. */
  readonly seedFile: string;
}

// ---------------------------------------------------------------- fees

export interface FeeRules {
  readonly model: FeeModel;
  /**
   * How a term is split into billing periods: one notice per child per term, one per calendar
   * month, or none at all (the service is free for families).
   */
  readonly billingPeriod: Provision<BillingPeriodKind>;
  readonly exemptions: ExemptionRules;
  /** No fee may be issued before the school's plan passed review. */
  readonly chargingRequiresApprovedPlan: Provision<boolean>;
  /** Fee standard (and refund method) must be publicly listed before any fee is issued. */
  readonly chargingRequiresDisclosure: Provision<boolean>;
}

export type BillingPeriodKind = 'term' | 'calendar-month' | 'none';

export type FeeModel = PerPeriodFees | PerTermFees | FreeService | PerAttendedMinuteFees;
export type FeeModelKind = FeeModel['kind'];

/** qijiang: a price per scheduled period, capped per term, settled by whole weeks. */
export interface PerPeriodFees {
  readonly kind: 'per-period';
  readonly ratePerPeriodFen: Timeline<number>;
  readonly termCapFen: Timeline<Readonly<Record<Stage, number>>>;
  readonly weeklySettlement: Citation;
}

/** yueyang: one approved fee per student per term, set by the school. */
export interface PerTermFees {
  readonly kind: 'per-term';
  readonly oncePerTerm: Citation;
}

/** xxcity: funded by government, families never pay. */
export interface FreeService {
  readonly kind: 'free';
  readonly citation: Citation;
}

/** suifenhe: a price per hour pro-rated by attended minutes, billed monthly. */
export interface PerAttendedMinuteFees {
  readonly kind: 'per-attended-minute';
  readonly ratePerHourFen: Timeline<number>;
  readonly seniorMarkupMaxPercent: Timeline<number>;
  /** A day with fewer attended minutes than this is not charged. */
  readonly minimumChargeableMinutesPerDay: Timeline<number>;
  readonly monthlyByAttendance: Citation;
}

export interface ExemptionRules {
  /** Hardship kinds waived in full. */
  readonly fullExemption: Provision<readonly Hardship[]> | null;
  /** A percentage reduction the school grants: to "other" hardship, or to any student it chooses. */
  readonly schoolReduction: Provision<'other-hardship' | 'any-student'> | null;
  /** Share of every waived amount the government bears. */
  readonly governmentSharePercent: Timeline<number> | null;
}

// ---------------------------------------------------------------- refunds

export type RefundRules =
  | { readonly kind: 'monthly-by-attendance'; readonly halfRefundMaxAttendedPercent: Timeline<number> }
  | { readonly kind: 'settle-by-week'; readonly citation: Citation }
  | { readonly kind: 'refund-everything'; readonly citation: Citation }
  | { readonly kind: 'no-method'; readonly citation: Citation };

// ---------------------------------------------------------------- schedule

export interface ServiceTimes {
  /** The fixed start; any other start breaks schedule.start-time. */
  readonly start?: ClockTime;
  readonly earliestEnd?: ClockTime;
  readonly latestEnd?: ClockTime;
  /** Latest end while the winter timetable (冬季作息) is in force. */
  readonly latestEndInWinter?: ClockTime;
}

export interface ScheduleRules {
  /** Service only on Monday–Friday school days. */
  readonly schoolDaysOnly: Citation;
  readonly serviceTimes: Timeline<Readonly<Record<Stage, ServiceTimes>>> | null;
  readonly minimumExerciseMinutes: Timeline<number> | null;
}

// ---------------------------------------------------------------- content and providers

export interface ContentRules {
  readonly forbidden: Readonly<Record<ForbiddenCategory, Citation>>;
  readonly homeworkForbidden: Citation;
}

export interface ProviderRules {
  /** Anyone other than the school's own staff must be vetted. */
  readonly vettingRequired: Citation;
  readonly blacklistForbidden: Citation;
  /** Provider types that must be on the white list. */
  readonly whiteListRequired: Provision<readonly ProviderType[]> | null;
  readonly forProfitForbidden: Citation | null;
}

export interface BudgetRules {
  readonly perStudentAnnualFen: Timeline<number>;
  /** Maximum share of total cost spent on courses bought from the provider types below. */
  readonly externalShareMaxPercent: Timeline<number>;
  /** The provider types whose courses count toward that share (xxcity: social institutions only). */
  readonly externalProviderTypes: Provision<readonly ProviderType[]>;
}

// ---------------------------------------------------------------- disclosure, filing, reports

export type DisclosureKey =
  | 'service-time'
  | 'service-method'
  | 'service-content'
  | 'safety-measures'
  | 'fee-standard'
  | 'refund-method'
  | 'expenditure'
  | 'staff'
  | 'free-of-charge';

export interface DisclosureItem {
  readonly key: DisclosureKey;
  readonly label: string;
  readonly citation: Citation;
  /** Must be publicly listed before any fee is charged. */
  readonly beforeCharging?: true;
}

export interface FilingDocument {
  readonly key: string;
  readonly label: string;
  readonly citation: Citation;
  /** Only when some items are run with public-interest or social organisations. */
  readonly whenExternalProviders?: true;
}

export interface FilingRules {
  /** Who receives the filing, e.g. 区教委. */
  readonly authority: string;
  readonly everyTerm: boolean;
  /** Service may start only after the review passes. */
  readonly reviewBeforeStart: boolean;
  readonly documents: readonly FilingDocument[];
  readonly deadlineWorkingDaysAfterTermStart: Timeline<number> | null;
  readonly citation: Citation;
}

export interface ReportDuty {
  readonly key: string;
  readonly label: string;
  /** MM-DD dates in each year. */
  readonly due: readonly string[];
  /** true: due on that date at the latest; false: must be done before that date. */
  readonly dueInclusive: boolean;
  readonly citation: Citation;
}

/** Typed constructor keeping the literal id, so the registry can derive ProfileId. */
export function defineProfile<Id extends string>(profile: PolicyProfile<Id>): PolicyProfile<Id> {
  return profile;
}
