export default definePageConfig({ navigationBarTitleText: '给家委会提意见' });
