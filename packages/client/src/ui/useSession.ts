import { useEffect } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useLocation, useNavigate } from 'react-router';
import { graphql } from '../gql';
import { clearToken, onSessionExpired } from '../session';

const SignOutMutation = graphql(`
  mutation SharedSignOut {
    logout
  }
`);

/** When the server ends the session, forget the cache and go to sign-in, coming back here after. */
export function useSessionExpiredRedirect(): void {
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      onSessionExpired(() => {
        void client.clearStore();
        void navigate(`/login?expired=1&next=${encodeURIComponent(location.pathname + location.search)}`, {
          replace: true,
        });
      }),
    [client, navigate, location],
  );
}

/** Signs out on the server, then here whatever the server said: token, cache, back to sign-in. */
export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [logout] = useMutation(SignOutMutation);
  return async () => {
    try {
      await logout();
    } finally {
      clearToken();
      await client.clearStore();
      void navigate('/login', { replace: true });
    }
  };
}
