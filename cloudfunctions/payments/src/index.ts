// The WeChat entry: WeChat Pay calls this function with payment and refund results; the timer reconciles.

import { wechatMain } from '@kehou/shared/cloud';
import cloud from 'wx-server-sdk';
import { paymentsFunction } from './function';

export const main = wechatMain(cloud, paymentsFunction);
