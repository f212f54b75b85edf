/**
 * Errors shaped like wx-server-sdk's: an `Error` whose `message` (and `errMsg`) reads
 * `<api>:fail <errCode> <text>. <detail>` and which carries a numeric `errCode`.
 *
 * Internally the layers throw a {@link DatabaseFault} (code + detail, no API name); every public
 * method converts whatever it caught with {@link toApiError}, as the SDK's `toSDKError` does.
 */

/** errCode values used by the WeChat cloud database (wx-server-sdk `TCB_ERR_CODE`). */
export const ErrCode = {
  /** A thrown string / plain Error, e.g. `document with _id x does not exist`. */
  GENERIC: -1,
  SYS_ERR: -501001,
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_INVALID_OPERATOR: -502002,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
} as const;

/** Text wx-server-sdk puts after the code (its `ERR_CODE` table). */
const ERR_CODE_TEXT: Record<number, string> = {
  [-501001]: 'resource system error',
  [-501007]: 'invalid parameters',
  [-502001]: 'database request fail',
  [-502002]: 'database invalid command',
  [-502005]: 'database collection not exists',
};

/** The error every public method rejects with. */
export class CloudDatabaseError extends Error {
  readonly errCode: number;
  readonly errMsg: string;

  constructor(message: string, errCode: number) {
    super(message);
    this.name = 'CloudDatabaseError';
    this.errCode = errCode;
    this.errMsg = message;
  }
}

/** A failure raised below the API layer: a code and the backend's message, no API name yet. */
export class DatabaseFault extends Error {
  constructor(
    readonly errCode: number,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'DatabaseFault';
  }
}

export const faults = {
  collectionNotExist: (name: string) =>
    new DatabaseFault(
      ErrCode.DATABASE_COLLECTION_NOT_EXIST,
      `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us. (collection: ${name})`,
    ),
  collectionExists: (name: string) => new DatabaseFault(ErrCode.SYS_ERR, `[ResourceInUse] Table exist. (collection: ${name})`),
  /** MongoDB's wording, which the cloud database passes through for a unique-index violation. */
  duplicateKey: (collection: string, id: unknown, index = '_id_') =>
    new DatabaseFault(
      ErrCode.DATABASE_REQUEST_FAILED,
      `[FailedOperation] E11000 duplicate key error collection: ${collection} index: ${index} dup key: { : ${JSON.stringify(id)} }`,
    ),
  invalidParam: (detail: string) => new DatabaseFault(ErrCode.INVALID_PARAM, detail),
  requestFailed: (detail: string) => new DatabaseFault(ErrCode.DATABASE_REQUEST_FAILED, detail),
  /** What `doc(id).get()` throws for a missing document (a plain string in the SDK, so errCode -1). */
  documentNotFound: (id: unknown) => new DatabaseFault(ErrCode.GENERIC, `document with _id ${String(id)} does not exist`),
  closed: () => new DatabaseFault(ErrCode.GENERIC, 'the local database is closed'),
  transactionFinished: (state: string) =>
    new DatabaseFault(ErrCode.DATABASE_REQUEST_FAILED, `[TransactionNotActive] the transaction has already been ${state}`),
};

/** Converts anything caught inside `apiName` into the SDK's error shape (see wx-server-sdk `toSDKError`). */
export function toApiError(apiName: string, caught: unknown): CloudDatabaseError {
  if (caught instanceof CloudDatabaseError) return caught;
  if (caught instanceof DatabaseFault) {
    if (caught.errCode === ErrCode.GENERIC) return new CloudDatabaseError(`${apiName}:fail ${caught.detail}`, ErrCode.GENERIC);
    const text = ERR_CODE_TEXT[caught.errCode] ?? '';
    return new CloudDatabaseError(`${apiName}:fail ${caught.errCode} ${text}. ${caught.detail}`, caught.errCode);
  }
  if (caught instanceof Error) return new CloudDatabaseError(`${apiName}:fail ${caught.message}`, ErrCode.GENERIC);
  return new CloudDatabaseError(`${apiName}:fail ${String(caught)}`, ErrCode.GENERIC);
}

/** Runs `body`, rejecting with an SDK-shaped error named after `apiName`. */
export async function callApi<T>(apiName: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (caught) {
    throw toApiError(apiName, caught);
  }
}

function errorFields(error: unknown): { errCode?: unknown; message?: unknown } {
  return typeof error === 'object' && error !== null ? (error as { errCode?: unknown; message?: unknown }) : {};
}

/** True for the error `add` gives when the `_id` (or another unique index) is taken — here and in WeChat. */
export function isDuplicateKeyError(error: unknown): boolean {
  const { errCode, message } = errorFields(error);
  return errCode === ErrCode.DATABASE_REQUEST_FAILED && /duplicate key/i.test(String(message ?? ''));
}

/** True for a missing collection (errCode -502005). */
export function isCollectionNotExistError(error: unknown): boolean {
  return errorFields(error).errCode === ErrCode.DATABASE_COLLECTION_NOT_EXIST;
}

/** True for `doc(id).get()` on a missing document. */
export function isDocumentNotFoundError(error: unknown): boolean {
  return /document with _id .* does not exist/.test(String(errorFields(error).message ?? ''));
}
