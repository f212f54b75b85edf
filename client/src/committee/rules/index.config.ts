export default definePageConfig({ navigationBarTitleText: '课后服务管理制度' });
