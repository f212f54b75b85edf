export default definePageConfig({ navigationBarTitleText: '我收到的消息' });
