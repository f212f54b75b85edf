import { createCloudFunction } from '@kehou/shared/cloud';

/** 公开：服务方案、备案审核与公开发布 */
export const disclosureFunction = createCloudFunction('disclosure', {});
