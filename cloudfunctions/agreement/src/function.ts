import { createCloudFunction } from '@kehou/shared/cloud';

/** 协议：协议模板、签署与核验、接送安排 */
export const agreementFunction = createCloudFunction('agreement', {});
