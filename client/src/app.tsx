import { configure as configureIcons } from '@nutui/icons-react-taro/dist/es/icons/configure.js';
import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

// The cloud is ready before any page exists: app.js runs first in WeChat, so no page's first call
// can race it (useLaunch would run after the first page has started loading).
if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ traceUser: true });

// NutUI's icons (the ticks of Checkbox and Radio…) are drawn in an <i>, which the mini-program's
// templates do not have (nothing shows there): a <view> draws the same mask.
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
