export default definePageConfig({ navigationBarTitleText: '课后服务报名', enableShareAppMessage: true });
