import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import { ROLE_LABELS } from '../../../api/labels';
import { useMe } from '../../../api/queries';

/**
 * The active staff of a client's center, and the signed-in person (an admin belongs to no center
 * but may take a task): who a task can go to, and the names of reminders' recipients. The API
 * checks an assignee again.
 */
export function useCenterStaff(centerId: string) {
  const me = useMe();
  const staff = useQuery({
    queryKey: ['users', 'staff-of', centerId],
    queryFn: () => ok(api.GET('/api/v1/users', { params: { query: { centerId, active: true, limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
  const people = (staff.data?.items ?? []).filter((u) => u.role !== 'client');
  if (me.data && !people.some((u) => u.id === me.data.id)) people.unshift(me.data);
  return {
    query: staff,
    options: people.map((u) => ({
      value: u.id,
      label: u.id === me.data?.id ? `Me (${u.displayName})` : `${u.displayName} · ${ROLE_LABELS[u.role]}`,
    })),
    nameOf: (id: string) => people.find((u) => u.id === id)?.displayName,
  };
}

/** Marks a task done; the client's page and every task list (the inbox's too) are fetched again. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ clientId, id }: { clientId: string; id: string }) =>
      ok(
        api.PATCH('/api/v1/clients/{clientId}/tasks/{id}', {
          params: { path: { clientId, id } },
          body: { status: 'done' },
        }),
      ),
    onSuccess: (_task, { clientId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
        queryClient.invalidateQueries({ queryKey: ['clients', clientId] }),
      ]),
  });
}
