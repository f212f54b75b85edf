import type { TestCloud } from './runtime';

/**
 * What the security review tried, printed at its end: calls made (of how many actions, by how
 * many kinds of caller), inputs fuzzed, races run, and findings (each fixed and pinned by a test).
 */
export class SecurityFigures {
  calls = 0;
  fuzzed = 0;
  races = 0;
  findings = 0;
  private readonly actions = new Set<string>();
  private readonly callers = new Set<string>();

  /** The same test cloud, counting every call made through it. */
  watch(cloud: TestCloud): TestCloud {
    const note = (openid: string | null, name: string, action: string) => {
      this.calls += 1;
      this.actions.add(`${name}.${action}`);
      this.callers.add(openid ?? '(signed out)');
    };
    return {
      ...cloud,
      call: (openid, name, action, data) => {
        note(openid, name, action);
        return cloud.call(openid, name, action, data);
      },
      ok: (openid, name, action, data) => {
        note(openid, name, action);
        return cloud.ok(openid, name, action, data);
      },
    };
  }

  /** Concurrent calls racing each other (double taps, two guardians, two admins…). */
  race<T>(calls: Promise<T>[]): Promise<T[]> {
    this.races += 1;
    return Promise.all(calls);
  }

  /** A describe block for a rule the review found broken (now fixed, and kept by its tests). */
  finding(title: string, body: () => void): void {
    this.findings += 1;
    describe(title, body);
  }

  report(): string {
    return [
      '安全审查（security review）',
      `  调用 calls tried:      ${this.calls}（${this.actions.size} 个操作 actions，${this.callers.size} 个调用者 callers）`,
      `  模糊输入 inputs fuzzed: ${this.fuzzed}`,
      `  并发竞争 races run:     ${this.races}`,
      `  发现 findings:          ${this.findings}（均已修复，每条由测试固定 / each fixed and pinned by a test）`,
    ].join('\n');
  }
}
