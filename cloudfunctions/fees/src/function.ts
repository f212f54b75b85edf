import { createCloudFunction } from '@kehou/shared/cloud';

/** 收费：按政策计算收费通知、减免与退费 */
export const feesFunction = createCloudFunction('fees', {});
