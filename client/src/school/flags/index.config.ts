export default definePageConfig({ navigationBarTitleText: '放学安全提醒' });
