import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { call, queryString } from './http';

/** "As of": the past a page shows (URL search parameters, so a link reproduces it). */
export interface AsOf {
  effectiveOn?: string | undefined;
  recordedAt?: string | undefined;
}

export function isTravelling(asOf: AsOf): boolean {
  return Boolean(asOf.effectiveOn || asOf.recordedAt);
}

/** The consistentWith token of the last command this browser sent: reads wait until they reflect it. */
export const LastWriteContext = createContext<{ token: string | undefined; record(token: string): void }>({ token: undefined, record: () => undefined });

export function useLastWrite() {
  return useContext(LastWriteContext);
}

export interface Read<T> {
  body: T;
  /** ECAB-Position: the event-store position the answer reflects ("as of event N"). */
  position: string | null;
}

/** How often a live page asks again, so that someone else's change shows within 2 s. */
export const LIVE_REFRESH_MS = 1500;

/**
 * A read of portfolio-views with the page's "as of" and read-your-writes token. Live pages refresh
 * on their own; a page of the past does not change and is not asked again.
 */
export function useRead<T>(path: string, parameters: Record<string, string | number | undefined>, asOf: AsOf, options: { enabled?: boolean } = {}) {
  const { token } = useLastWrite();
  const travelling = isTravelling(asOf);
  const all = { ...parameters, effectiveOn: asOf.effectiveOn, recordedAt: asOf.recordedAt, consistentWith: travelling ? undefined : token };
  return useQuery({
    queryKey: ['read', path, all],
    queryFn: async (): Promise<Read<T>> => {
      const answer = await call<T>('GET', `${path}${queryString(all)}`);
      return { body: answer.body, position: answer.headers.get('ECAB-Position') };
    },
    refetchInterval: travelling ? false : LIVE_REFRESH_MS,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
