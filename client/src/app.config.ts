export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    { root: 'parent', pages: ['home/index', 'feedback/index'] },
    { root: 'teacher', pages: ['home/index'] },
    { root: 'school', pages: ['home/index'] },
    { root: 'committee', pages: ['home/index', 'feedback/index'] },
    { root: 'bureau', pages: ['home/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '课后服务',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  lazyCodeLoading: 'requiredComponents',
});
