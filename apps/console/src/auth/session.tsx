import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { onUnauthorized, setBearerToken } from '../api/client';
import { api } from '../api/endpoints';
import type { ActionView, PersonProfile } from '../api/types';
import { readClaims, TokenClaims } from './claims';

const STORAGE_KEY = 'cohort.token';

export interface Session {
  token: string;
  claims: TokenClaims;
  /** the signed-in person as identity stores them (their stored role decides, not the token's) */
  me: PersonProfile;
  /** the actions this person may run, with their parameter schemas */
  actions: ActionView[];
  /** reads the directory: whoever may run an action, Reporters, and Managers (their teams) */
  readsPeople: boolean;
}

interface SessionState {
  session: Session | undefined;
  loading: boolean;
  /** why the last sign-in attempt or the session ended, for the sign-in page */
  problem: string | undefined;
  signIn: (token: string) => void;
  signOut: (problem?: string) => void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

function storedToken(): string | undefined {
  try {
    return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Holds the bearer token (in sessionStorage: gone when the tab closes) and who it belongs to. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [token, setToken] = useState<string | undefined>(storedToken);
  const [problem, setProblem] = useState<string>();
  const claims = useMemo(() => (token ? readClaims(token) : undefined), [token]);
  const valid = typeof claims === 'object' ? claims : undefined;
  setBearerToken(valid ? token : undefined);

  const signOut = useCallback(
    (why?: string) => {
      sessionStorage.removeItem(STORAGE_KEY);
      setBearerToken(undefined);
      setToken(undefined);
      setProblem(why);
      queries.clear();
    },
    [queries],
  );

  const signIn = useCallback((value: string) => {
    const trimmed = value.trim().replace(/^Bearer\s+/i, '');
    const read = readClaims(trimmed);
    if (typeof read === 'string') return setProblem(read);
    sessionStorage.setItem(STORAGE_KEY, trimmed);
    setProblem(undefined);
    setToken(trimmed);
  }, []);

  useEffect(() => onUnauthorized((error) => signOut(`Signed out: ${error.message}`)), [signOut]);

  const who = useQuery({
    queryKey: ['session', token],
    enabled: valid !== undefined,
    retry: false,
    staleTime: Infinity,
    queryFn: async () => {
      const [me, actions] = await Promise.all([api.person(valid!.sub), api.actions()]);
      return { me, actions };
    },
  });

  useEffect(() => {
    if (typeof claims === 'string') signOut(claims);
  }, [claims, signOut]);
  useEffect(() => {
    if (who.error) signOut(`Could not sign in: ${who.error.message}`);
  }, [who.error, signOut]);

  const session = useMemo<Session | undefined>(() => {
    if (!valid || !token || !who.data) return undefined;
    const { me, actions } = who.data;
    const readsPeople = actions.length > 0 || me.role === 'Reporter' || me.role === 'Manager';
    return { token, claims: valid, me, actions, readsPeople };
  }, [valid, token, who.data]);

  const state: SessionState = { session, loading: valid !== undefined && who.isPending, problem, signIn, signOut };
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in session (only inside the signed-in part of the app). */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a session');
  return session;
}
