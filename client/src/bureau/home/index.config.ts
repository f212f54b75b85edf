export default definePageConfig({ navigationBarTitleText: '备案审核' });
