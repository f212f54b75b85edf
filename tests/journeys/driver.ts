/**
 * One journey, two drivers. A journey is written once against `World` and `Screen`; the H5 driver
 * (tests/e2e/h5-driver.ts) plays it in chromium on the H5 build over the local server, the weapp
 * driver (tests/weapp/harness/driver.ts) in the built mini-program in miniprogram-simulate with
 * the cloud functions on the local runtime. Selectors are the app's own class names (the same
 * React code renders both); texts are what a person reads.
 */

export type TextMatch = string | RegExp;
/** Which of the elements matching a selector: the first containing a text, or the nth (from 0). */
export type Pick = TextMatch | { index: number };

/** Part of a page (or the whole page): what a person can see and touch there. */
export interface Scope {
  /** Taps the first matching element (waits for it to appear). */
  tap(selector: string, pick?: Pick): Promise<void>;
  /** Types into the input or textarea at or inside the first matching element. */
  fill(selector: string, value: string, pick?: Pick): Promise<void>;
  /** Waits until the text shows (inside the first element matching `within`, when given). */
  see(text: TextMatch, within?: string): Promise<void>;
  /** Waits until a matching element shows. */
  has(selector: string, pick?: Pick): Promise<void>;
  /** Waits until no matching element is left. */
  gone(selector: string, pick?: Pick): Promise<void>;
  count(selector: string, pick?: Pick): Promise<number>;
  /** The text of the scope as shown. */
  text(): Promise<string>;
  /** The first element matching selector (and pick), as a scope of its own. */
  within(selector: string, pick?: Pick): Scope;
}

/** A kept screen's name: whose screen it is, then which (`parent-apply`, `teacher-gate`); visitor: signed out. */
export type KeptScreen = `${'parent' | 'teacher' | 'admin' | 'committee' | 'bureau' | 'visitor'}-${string}`;

/** What the mini-program's `wx` was asked (weapp driver only). */
export interface WxRecord {
  api: string;
  args: any;
  duringTap: boolean;
  route: string | null;
}

/** One person's phone with the app open. */
export interface Screen extends Scope {
  /** Opens a page as its own entry, as a card shared in a class group (or a link) opens it. */
  open(path: string): Promise<void>;
  /** Answers the confirmation dialog the page shows with 确定. */
  confirm(): Promise<void>;
  /** Draws a few strokes on a signature pad (H5: touches on the canvas; weapp: touches on the canvas node). */
  draw(selector: string): Promise<void>;
  /** Scrolls the page until the element is in view (weapp: the page's intersection observers see it). */
  scrollTo(selector: string): Promise<void>;
  /** Confirms the payment on WeChat Pay's sheet (H5: the local "模拟微信支付" sheet; weapp: WeChat's own). */
  confirmPayment(): Promise<void>;
  /** Taps a control that exports a file and waits for it to open (H5: the download; weapp: wx.openDocument); its name. */
  download(selector: string): Promise<string>;
  /** Keeps what the screen shows for review (H5: .out/screenshots/<name>.png, weapp: .out/weapp/<name>.html). */
  keep(name: KeptScreen): Promise<void>;
  /** Only in H5 (the simulator has no canvas): whether the chart's canvas has something drawn on it. */
  chartDrawn?(selector: string): Promise<boolean>;
  /** Only in the mini-program: the wx calls made so far, of one API. */
  readonly wx?: { calls(api: string): WxRecord[] };
}

export interface World {
  readonly platform: 'h5' | 'weapp';
  /** A demo user (by the name the sign-in page shows) with the app open on its home. */
  as(name: string): Promise<Screen>;
  /** Someone not signed in (in WeChat: a WeChat user the product has never seen). */
  visitor(): Promise<Screen>;
  /** The local runtime's clock: journeys compute dates from it, never from fixed ones. */
  now(): Promise<Date>;
  moveClock(change: { advanceDays: number } | { reset: true }): Promise<void>;
}

export type Journey = (world: World) => Promise<void>;
