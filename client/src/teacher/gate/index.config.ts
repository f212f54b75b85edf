export default definePageConfig({ navigationBarTitleText: '放学交接' });
