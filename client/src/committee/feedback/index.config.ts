export default definePageConfig({ navigationBarTitleText: '家长意见' });
