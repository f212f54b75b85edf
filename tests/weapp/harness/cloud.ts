import type { UserDoc } from '@kehou/shared';
import { startTestCloud, type TestCloud } from '../../support/runtime';
import { PNG_1x1 } from '../../support/signature';
import { WeappBundle } from './bundle';
import { CANVAS_FILE_PREFIX, MiniProgram } from './mini-program';

const DRAWN_PNG = Buffer.from(PNG_1x1, 'base64');

/** WeChat always knows who opened the mini-program: a visitor is a WeChat user the product has never seen. */
let visitors = 0;

/**
 * The local cloud (the real cloud-function handlers on the local runtime, demo data and the demo
 * term replayed through them, as `npm start` has it) and phones that call it as their WeChat user:
 * `wx.cloud.callFunction` goes to `runtime.call`, which injects the openid into the WeChat context
 * exactly as the H5 server does for its signed-in user.
 */
export class WeappCloud {
  private readonly bundle = new WeappBundle();
  private readonly phones: MiniProgram[] = [];
  private users: UserDoc[] = [];

  private constructor(readonly cloud: TestCloud) {}

  static async start(): Promise<WeappCloud> {
    const world = new WeappCloud(await startTestCloud({ demoTerm: true }));
    const { data } = await world.cloud.db
      .collection('users')
      .where({ demo: world.cloud.db.command.exists(true) })
      .limit(100)
      .get();
    world.users = data as unknown as UserDoc[];
    return world;
  }

  get runtime() {
    return this.cloud.runtime;
  }

  /** The openid of a demo user by the name the sign-in page shows (王建国, 陈老师 …). */
  openidOf(name: string): string {
    const user = this.users.find((u) => u.name === name);
    if (!user) throw new Error(`没有名为 ${name} 的演示用户`);
    return user._id;
  }

  /** A phone of this WeChat user, the mini-program launched at url. */
  async phone(openid: string, url: string, scene?: number): Promise<MiniProgram> {
    const phone = await MiniProgram.launch(url, {
      bundle: this.bundle,
      scene,
      callFunction: (name, data) => this.runtime.call(name, data, openid),
      pay: async (prepayId) => (await this.runtime.pay.settle(prepayId, 'pay', openid ?? '')).errMsg,
      uploadFile: async (cloudPath, filePath) => this.runtime.storage.upload(cloudPath, filePath.startsWith(CANVAS_FILE_PREFIX) ? DRAWN_PNG : Buffer.from('')),
    });
    this.phones.push(phone);
    return phone;
  }

  as(name: string, url: string, scene?: number): Promise<MiniProgram> {
    return this.phone(this.openidOf(name), url, scene);
  }

  visitor(url: string, scene?: number): Promise<MiniProgram> {
    return this.phone(`wx-visitor-${++visitors}`, url, scene);
  }

  async close() {
    for (const phone of this.phones) phone.close();
    await this.cloud.close();
  }
}
