import { api } from '../api';
import { useLoad } from '../api/use-call';

export const useHome = () => useLoad(() => api.enrollment.getHome());
