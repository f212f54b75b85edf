import { WeappCloud } from './harness/cloud';

let world: WeappCloud;
beforeAll(async () => {
  const t = Date.now();
  world = await WeappCloud.start();
  console.log('start', Date.now() - t);
});
afterAll(() => world?.close());

test('home → parent area', async () => {
  const t = Date.now();
  const phone = await world.as('王建国', '/pages/index/index');
  console.log('launch', Date.now() - t);
  await phone.find('.role-parent');
  await phone.tap('.role-parent');
  await phone.find('.child-card', '王小明');
  console.log(phone.routes, phone.text().slice(0, 200), phone.errors, phone.calls.map((c) => c.api));
  console.log('total', Date.now() - t);
});
