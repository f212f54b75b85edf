export default definePageConfig({ navigationBarTitleText: '收费通知' });
