import type { CloudSdk, Database, SubscribeMessage } from '@kehou/shared/cloud';
import type { Clock } from './clock';
import type { Outbox } from './outbox';
import type { LocalPay } from './pay/local-pay';
import type { LocalStorage } from './storage';
import { currentWXContext } from './wx-context';

export interface LocalCloudParts {
  database: Database;
  outbox: Outbox;
  storage: LocalStorage;
  clock: Clock;
  pay: LocalPay;
}

/** The wx-server-sdk surface, backed by the local database, outbox and file storage. */
export function createLocalCloud({ database, outbox, storage, clock, pay }: LocalCloudParts): CloudSdk & { DYNAMIC_CURRENT_ENV: symbol } {
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: () => undefined,
    getWXContext: currentWXContext,
    now: () => clock.now(),
    database: () => database,
    openapi: {
      subscribeMessage: {
        send: async (message: SubscribeMessage) => {
          outbox.send(message);
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
    },
    cloudPay: pay.api(() => currentWXContext().OPENID),
    uploadFile: async ({ cloudPath, fileContent }) => ({ fileID: storage.upload(cloudPath, fileContent) }),
    downloadFile: async ({ fileID }) => {
      const content = storage.read(fileID);
      if (!content) throw new Error(`downloadFile:fail file not found: ${fileID}`);
      return { fileContent: content };
    },
    getTempFileURL: async ({ fileList }) => ({
      fileList: fileList.map((fileID) => {
        const url = storage.tempUrl(fileID);
        return url
          ? { fileID, tempFileURL: url, status: 0 }
          : { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' };
      }),
    }),
  };
}
