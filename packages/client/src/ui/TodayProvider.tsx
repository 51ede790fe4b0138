import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import { QueryState } from './QueryState';

const TodayQuery = graphql(`
  query SharedToday {
    today
  }
`);

const TodayContext = createContext<string | null>(null);

/**
 * The programme day (YYYY-MM-DD, today in Jinan on the server's clock, or the day ZHUJI_TODAY
 * pins) for everything below: form defaults, "not in the future" checks, the months and
 * years the screens ask for. Asked once per session (cache-first) and nothing renders until it
 * is known, so no screen ever falls back to the browser's calendar, which may be another
 * day in another time zone and is never the pinned one. `today` given: that day, no query
 * (component tests, which have no server).
 */
export function TodayProvider({ children, today }: { children: ReactNode; today?: string }) {
  const { data, previousData, error, refetch } = useQuery(TodayQuery, {
    skip: today != null,
    fetchPolicy: 'cache-first',
    // Public, and asked before the router (and its sign-in redirect) is mounted: a stale token
    // must neither fail it nor end the session here, where no one would redirect.
    context: { anonymous: true },
  });
  // Signing out clears Apollo's cache; the day stays the one already known meanwhile rather
  // than blanking every screen while it is asked again.
  const day = today ?? data?.today ?? previousData?.today;
  if (day) return <TodayContext.Provider value={day}>{children}</TodayContext.Provider>;
  if (error) return <QueryState error={error} retry={() => void refetch()} />;
  return <QueryState loading />;
}

/** Today on the programme's calendar (see TodayProvider). */
export function useToday(): string {
  const day = useContext(TodayContext);
  if (!day) throw new Error('useToday() needs a <TodayProvider> above it');
  return day;
}
