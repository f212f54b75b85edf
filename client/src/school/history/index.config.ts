export default definePageConfig({ navigationBarTitleText: '备案记录' });
