import { createCloudFunction } from '@kehou/shared/cloud';

/** 家委会：家长意见的收集、审阅与答复 */
export const feedbackFunction = createCloudFunction('feedback', {});
