import { useQuery } from '@tanstack/react-query';
import { api, ok } from './client';

export const useMe = () => useQuery({ queryKey: ['me'], queryFn: () => ok(api.GET('/api/v1/me')) });

export const useMyStatus = () =>
  useQuery({ queryKey: ['me', 'status'], queryFn: () => ok(api.GET('/api/v1/me/status')) });
