export default definePageConfig({ navigationBarTitleText: '班主任' });
