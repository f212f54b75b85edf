import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

// The cloud is ready before any page exists: app.js runs first in WeChat, so no page's first call
// can race it (useLaunch would run after the first page has started loading).
if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true });

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
