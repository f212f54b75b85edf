export default definePageConfig({ navigationBarTitleText: '家长', enableShareAppMessage: true });
