import type { CloudSdk, Database, SubscribeMessage } from '@kehou/shared/cloud';
import type { Clock } from './clock';
import { localMsgSecCheck } from './content-check';
import type { FileLinks } from './http/file-links';
import type { Meter } from './metering';
import type { Outbox } from './outbox';
import type { LocalPay } from './pay/local-pay';
import type { LocalStorage } from './storage';
import { currentWXContext } from './wx-context';

export interface LocalCloudParts {
  database: Database;
  outbox: Outbox;
  storage: LocalStorage;
  clock: Clock;
  links: FileLinks;
  pay: LocalPay;
  /** Counts the messages sent (and refuses them once a metered call was killed). */
  meter?: Meter;
}

/** getTempFileURL takes at most this many files per call, as in WeChat. */
const MAX_TEMP_URLS = 50;

type TempFileRequest = string | { fileID: string; maxAge?: number };

/** The wx-server-sdk surface, backed by the local database, outbox and file storage. */
export function createLocalCloud({ database, outbox, storage, clock, links, pay, meter }: LocalCloudParts): CloudSdk & { DYNAMIC_CURRENT_ENV: symbol } {
  return {
    DYNAMIC_CURRENT_ENV: Symbol.for('DYNAMIC_CURRENT_ENV'),
    init: () => undefined,
    getWXContext: currentWXContext,
    now: () => clock.now(),
    database: () => database,
    openapi: {
      subscribeMessage: {
        send: async (message: SubscribeMessage) => {
          meter?.message();
          outbox.send(message);
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
      security: { msgSecCheck: localMsgSecCheck },
    },
    cloudPay: pay.api(() => currentWXContext().OPENID),
    uploadFile: async ({ cloudPath, fileContent }) => ({ fileID: storage.upload(cloudPath, fileContent) }),
    downloadFile: async ({ fileID }) => {
      const content = storage.read(fileID);
      if (!content) throw new Error(`downloadFile:fail file not found: ${fileID}`);
      return { fileContent: content };
    },
    /**
     * Links that expire (a day by default and at most, or `maxAge` seconds) and open only for the
     * signed-in caller the function asked for them on behalf of.
     */
    getTempFileURL: async ({ fileList }: { fileList: TempFileRequest[] }) => {
      if (fileList.length > MAX_TEMP_URLS) throw new Error(`getTempFileURL:fail at most ${MAX_TEMP_URLS} files per call`);
      const openid = currentWXContext().OPENID ?? '';
      return {
        fileList: fileList.map((item) => {
          const { fileID, maxAge } = typeof item === 'string' ? { fileID: item, maxAge: undefined } : item;
          const path = storage.urlPathOf(fileID);
          return path
            ? { fileID, tempFileURL: links.link(path, openid, maxAge), status: 0, errMsg: 'ok' }
            : { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' };
        }),
      };
    },
  };
}
