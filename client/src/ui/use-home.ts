import type { HomeSummary } from '@kehou/shared';
import { callFunction } from '../api/call';
import { useLoad } from '../api/use-call';

export const useHome = () => useLoad(() => callFunction<HomeSummary>('enrollment', 'home'));
