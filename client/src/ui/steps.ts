// NutUI Steps, with their own stylesheets only.
import '@nutui/nutui-react-taro/dist/es/packages/steps/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/step/style/css';

export { default as Step } from '@nutui/nutui-react-taro/dist/es/packages/step/index';
export { default as Steps } from '@nutui/nutui-react-taro/dist/es/packages/steps/index';
