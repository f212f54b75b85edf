export default definePageConfig({ navigationBarTitleText: '课后服务公开', enableShareAppMessage: true });
