// NutUI's form controls, each with its own stylesheet only (the full stylesheet costs ~230 KB).
import '@nutui/nutui-react-taro/dist/es/packages/form/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/formitem/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';

export { default as Checkbox } from '@nutui/nutui-react-taro/dist/es/packages/checkbox/index';
export { default as Form } from '@nutui/nutui-react-taro/dist/es/packages/form/index';
export { default as Radio } from '@nutui/nutui-react-taro/dist/es/packages/radio/index';
export { default as TextArea } from '@nutui/nutui-react-taro/dist/es/packages/textarea/index';
