export default definePageConfig({ navigationBarTitleText: '协议模板' });
