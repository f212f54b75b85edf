export default definePageConfig({ navigationBarTitleText: '审核与公示' });
