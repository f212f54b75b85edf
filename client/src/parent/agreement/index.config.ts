export default definePageConfig({ navigationBarTitleText: '课后服务协议' });
