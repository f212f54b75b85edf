import Taro from '@tarojs/taro';

export function go(url: string) {
  void Taro.navigateTo({ url });
}

export function toast(title: string, icon: 'success' | 'none' = 'none') {
  void Taro.showToast({ title, icon, duration: 2000 });
}
