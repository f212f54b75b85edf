export default definePageConfig({ navigationBarTitleText: '全部报名' });
