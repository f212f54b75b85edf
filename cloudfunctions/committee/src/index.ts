// The WeChat entry: hands the real SDK to the same handlers that run locally and in tests.

import { wechatMain } from '@kehou/shared/cloud';
import cloud from 'wx-server-sdk';
import { committeeFunction } from './function';

export const main = wechatMain(cloud, committeeFunction);
