// The WeChat entry: the mini-program calls the actions; the timer trigger (config.json) sends the queue and the reminders.

import { wechatMain } from '@kehou/shared/cloud';
import cloud from 'wx-server-sdk';
import { messagesFunction } from './function';

export const main = wechatMain(cloud, messagesFunction);
