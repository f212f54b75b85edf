import { createCloudFunction } from '@kehou/shared/cloud';
import { home } from './home';

/** 报名: binding parents to children, applications, reviews, public lists, withdrawals. */
export const enrollmentFunction = createCloudFunction('enrollment', {
  home,
});
