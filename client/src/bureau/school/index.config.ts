export default definePageConfig({ navigationBarTitleText: '学校详情' });
