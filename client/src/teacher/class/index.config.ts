export default definePageConfig({ navigationBarTitleText: '班级报名' });
