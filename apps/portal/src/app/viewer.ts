import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';

export const PortalViewerQuery = graphql(`
  query PortalViewer {
    me {
      id
      username
      displayName
      grants {
        id
        role
        district {
          id
          name
        }
        school {
          id
          name
          isTownSeat
          town {
            id
            name
          }
        }
      }
    }
  }
`);

export type PortalRole = 'GROUP_LEADER' | 'SCHOOL_STAFF' | 'RESEARCHER';
const PORTAL_ROLES: PortalRole[] = ['GROUP_LEADER', 'SCHOOL_STAFF', 'RESEARCHER'];

/**
 * Who is signed in and what they answer for: the portal's roles (group leader, school staff,
 * researcher), each with the schools its grants name. The server scopes every list; this
 * only decides which screens and which "needs attention" items the home shows.
 */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(PortalViewerQuery, { fetchPolicy: 'cache-first' });
  const grants = data?.me?.grants ?? [];
  const roles = PORTAL_ROLES.filter((role) => grants.some((g) => g.role === role));
  const schoolsOf = (role: PortalRole) => grants.filter((g) => g.role === role && g.school).map((g) => g.school!);
  return { me: data?.me ?? null, grants, roles, schoolsOf, loading, error, refetch };
}
