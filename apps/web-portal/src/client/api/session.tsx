import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { call, onSignedOut, setBearer } from './http';

/** Who is signed in, read from the platform's token (its claims: sub, roles, clusters). */
export interface Principal {
  username: string;
  roles: string[];
  /** undefined: every cluster. */
  clusters: string[] | undefined;
  expiresAt: number;
}

export function principalOf(token: string): Principal {
  const payload = token.split('.')[1] ?? '';
  const json = atob(
    payload
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(payload.length / 4) * 4, '='),
  );
  const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as {
    sub: string;
    roles?: string[];
    clusters?: string[] | null;
    exp: number;
  };
  return { username: claims.sub, roles: claims.roles ?? [], clusters: claims.clusters ?? undefined, expiresAt: claims.exp * 1000 };
}

/** Whether the principal may send commands about a project of this cluster (the API decides; the screen follows). */
export function mayCommand(principal: Principal | null, cluster: string | undefined): boolean {
  if (!principal) return false;
  if (principal.roles.includes('admin')) return true;
  if (!principal.roles.includes('program-manager')) return false;
  return principal.clusters === undefined || (cluster !== undefined && principal.clusters.includes(cluster));
}

/** The clusters a principal may register projects in (all of them for an admin or an unscoped manager). */
export function commandClusters(principal: Principal | null, all: readonly string[]): string[] {
  return all.filter((cluster) => mayCommand(principal, cluster));
}

interface Session {
  principal: Principal | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);
const STORAGE_KEY = 'ecab.portal.token';

function storedToken(): string | null {
  const token = sessionStorage.getItem(STORAGE_KEY);
  if (!token) return null;
  try {
    return principalOf(token).expiresAt > Date.now() ? token : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => storedToken());
  setBearer(token);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setToken(null);
  }, []);
  useEffect(() => onSignedOut(signOut), [signOut]);
  const signIn = useCallback(async (username: string, password: string) => {
    const { body } = await call<{ access_token: string }>('POST', 'auth/token', { body: { username, password } });
    sessionStorage.setItem(STORAGE_KEY, body.access_token);
    setBearer(body.access_token);
    setToken(body.access_token);
  }, []);
  const session = useMemo(() => ({ principal: token ? principalOf(token) : null, signIn, signOut }), [token, signIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
