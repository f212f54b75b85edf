// NutUI components, each with its own stylesheet only (the full stylesheet costs ~230 KB).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/noticebar/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/index';
export { default as NoticeBar } from '@nutui/nutui-react-taro/dist/es/packages/noticebar/index';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index';

import '@nutui/nutui-react-taro/dist/es/packages/signature/style/css';

export { default as Signature } from '@nutui/nutui-react-taro/dist/es/packages/signature/index';
