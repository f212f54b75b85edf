export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  subPackages: [
    {
      root: 'parent',
      pages: [
        'home/index',
        'feedback/index',
        'bind/index',
        'enrol/index',
        'apply/index',
        'application/index',
        'agreement/index',
        'signature/index',
        'fees/index',
        'survey/index',
        'duty/index',
      ],
    },
    { root: 'teacher', pages: ['home/index', 'class/index', 'fees/index', 'attendance/index'] },
    {
      root: 'school',
      pages: [
        'home/index',
        'plan/index',
        'history/index',
        'reports/index',
        'enrollment/index',
        'enrollment/review/index',
        'enrollment/students/index',
        'enrollment/roster/index',
        'enrollment/agreement/index',
        'fees/index',
        'ledger/index',
        'spending/index',
        'supervision/index',
      ],
    },
    { root: 'committee', pages: ['home/index', 'feedback/index', 'rules/index', 'duty/index'] },
    { root: 'bureau', pages: ['home/index', 'review/index', 'school/index'] },
    // Open without signing in: the school's public page of a term and its article export.
    { root: 'public', pages: ['term/index', 'article/index'] },
    // Survey results and the bureau's trends: the chart library stays out of the main package.
    { root: 'charts', pages: ['survey/index', 'bureau/index'] },
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
