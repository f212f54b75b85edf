export default definePageConfig({ navigationBarTitleText: '本班收费情况' });
