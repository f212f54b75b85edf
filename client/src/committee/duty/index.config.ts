export default definePageConfig({ navigationBarTitleText: '家长值班安排' });
