import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { authApi, ok, session } from '../api/client';

/** `resuming`: a refresh token from before a reload is being exchanged; nothing to show yet. */
export type SessionState = 'resuming' | 'signed-in' | 'signed-out';

interface SessionContextValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const active = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.active,
  );
  const [resuming, setResuming] = useState(active);

  useEffect(() => {
    if (!resuming) return;
    // After a reload only the refresh token is left: exchange it (a failure to reach the API keeps it).
    session
      .refresh()
      .catch(() => undefined)
      .finally(() => setResuming(false));
  }, [resuming]);

  useEffect(() => {
    // Whoever signs in next must never see the previous person's cached data.
    if (!active) queryClient.clear();
  }, [active, queryClient]);

  const signIn = useCallback(async (email: string, password: string) => {
    session.start(await ok(authApi.POST('/api/v1/auth/login', { body: { email, password } })));
  }, []);

  const signOut = useCallback(async () => {
    const refreshToken = session.end();
    // Best effort: the session is already gone here; the API ends it for good.
    if (refreshToken !== null)
      await authApi.POST('/api/v1/auth/logout', { body: { refreshToken } }).catch(() => undefined);
  }, []);

  const state: SessionState = resuming ? 'resuming' : active ? 'signed-in' : 'signed-out';
  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}
