import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ok } from '../../api/client';
import { CASELOAD_KEY, useMe } from '../../api/queries';

/**
 * A client's server state. Every key starts with ['clients', clientId], so invalidating that
 * prefix after a write refreshes the header, the pathway and every tab at once.
 */
export const clientKey = (clientId: string) => ['clients', clientId] as const;

export const useClient = (clientId: string) =>
  useQuery({
    queryKey: clientKey(clientId),
    queryFn: () => ok(api.GET('/api/v1/clients/{id}', { params: { path: { id: clientId } } })),
  });

export const useExams = (clientId: string) =>
  useQuery({
    queryKey: [...clientKey(clientId), 'exams'],
    queryFn: () => ok(api.GET('/api/v1/clients/{clientId}/exams', { params: { path: { clientId } } })),
  });

export const useCredentials = (clientId: string) =>
  useQuery({
    queryKey: [...clientKey(clientId), 'credentials'],
    queryFn: () => ok(api.GET('/api/v1/clients/{clientId}/credentials', { params: { path: { clientId } } })),
  });

export const useClinicalExperiences = (clientId: string) =>
  useQuery({
    queryKey: [...clientKey(clientId), 'clinical-experiences'],
    queryFn: () => ok(api.GET('/api/v1/clients/{clientId}/clinical-experiences', { params: { path: { clientId } } })),
  });

export const useMatchApplications = (clientId: string) =>
  useQuery({
    queryKey: [...clientKey(clientId), 'match-applications'],
    queryFn: () => ok(api.GET('/api/v1/clients/{clientId}/match-applications', { params: { path: { clientId } } })),
  });

/** The active case managers of a center: who a client can be assigned to. */
export const useCaseManagers = (centerId: string | null | undefined) =>
  useQuery({
    queryKey: ['users', { centerId, role: 'case_manager' }],
    queryFn: () =>
      ok(
        api.GET('/api/v1/users', {
          params: { query: { centerId: centerId ?? undefined, role: 'case_manager', active: true, limit: 100 } },
        }),
      ),
    enabled: !!centerId,
    staleTime: 5 * 60_000,
  });

/**
 * After any write under a client: refetch the client (stage, checklist, warnings) and its tabs, and
 * mark the caseload lists stale, so going back to the caseload shows the new stage and warnings at
 * once rather than after its cache time.
 */
export function useRefreshClient(clientId: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: clientKey(clientId) }),
      queryClient.invalidateQueries({ queryKey: CASELOAD_KEY }),
    ]);
  }, [queryClient, clientId]);
}

/**
 * The save of a form for a record under a client: once the API has it, everything of the client
 * (header, pathway, tabs) and of `alsoRefresh` is fetched again, then the form closes (`onDone`),
 * so what it shows next is already current.
 */
export function useSaveClientRecord<T = void>(
  clientId: string,
  send: (body: T) => Promise<unknown>,
  onDone: () => void,
  alsoRefresh: readonly QueryKey[] = [],
) {
  const queryClient = useQueryClient();
  const refresh = useRefreshClient(clientId);
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await Promise.all([refresh(), ...alsoRefresh.map((queryKey) => queryClient.invalidateQueries({ queryKey }))]);
      onDone();
    },
  });
}

/** Whether the signed-in person may change client records (directors read them only): the app hides what it cannot use. */
export function useCanEditClients(): boolean {
  const me = useMe();
  return me.data?.role === 'case_manager' || me.data?.role === 'admin';
}
