export default definePageConfig({ navigationBarTitleText: '报名课后服务' });
