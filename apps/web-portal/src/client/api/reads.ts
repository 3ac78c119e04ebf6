import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef } from 'react';
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

/** The query key of a read: its path first, so that a page can refresh every read of one path. */
export const readKey = (path: string, parameters?: Record<string, unknown>) => (parameters ? ['read', path, parameters] : ['read', path]);

/**
 * A read of portfolio-views with the page's "as of" and read-your-writes token. Live pages refresh
 * on their own (every LIVE_REFRESH_MS) unless `poll` is false: a read that follows another one is asked
 * again only when the page sees that one change (the project page polls its profile alone). A page of
 * the past does not change and is not asked again.
 */
export function useRead<T>(
  path: string,
  parameters: Record<string, string | number | undefined>,
  asOf: AsOf,
  options: { enabled?: boolean; poll?: boolean } = {},
) {
  const { token } = useLastWrite();
  const travelling = isTravelling(asOf);
  const all = { ...parameters, effectiveOn: asOf.effectiveOn, recordedAt: asOf.recordedAt, consistentWith: travelling ? undefined : token };
  return useQuery({
    queryKey: readKey(path, all),
    queryFn: async (): Promise<Read<T>> => {
      const answer = await call<T>('GET', `${path}${queryString(all)}`);
      return { body: answer.body, position: answer.headers.get('ECAB-Position') };
    },
    refetchInterval: travelling || options.poll === false ? false : LIVE_REFRESH_MS,
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/**
 * Asks the reads of the given paths again whenever `watched` changes (not on the first answer). The
 * query cache keeps an answer equal to the previous one as the same object, so a poll that finds
 * nothing new changes nothing here.
 */
export function useFollow(watched: unknown, paths: readonly string[]): void {
  const queryClient = useQueryClient();
  const seen = useRef<unknown>(undefined);
  const key = paths.join('\n');
  useEffect(() => {
    if (watched === undefined) return;
    const previous = seen.current;
    seen.current = watched;
    if (previous === undefined || previous === watched) return;
    for (const path of key.split('\n')) void queryClient.invalidateQueries({ queryKey: readKey(path) });
  }, [watched, key, queryClient]);
}
