import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../api/client';
import { byCursor } from '../../api/queries';

/** The signed-in person's open tasks across their clients, next due first. */
export const useMyTasks = () =>
  useInfiniteQuery({
    queryKey: ['tasks', 'mine'],
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/tasks', { params: { query: { cursor: pageParam } } })),
    ...byCursor,
  });

/** The signed-in person's in-app notifications, unread first, then newest first. */
export const useNotifications = () =>
  useInfiniteQuery({
    queryKey: ['notifications'],
    queryFn: ({ pageParam }) => ok(api.GET('/api/v1/notifications', { params: { query: { cursor: pageParam } } })),
    ...byCursor,
  });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
