export default definePageConfig({ navigationBarTitleText: '辖区课后服务看板' });
