export default definePageConfig({ navigationBarTitleText: '协议核验' });
