import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { getToken, sessionExpired } from './session';
import { graphQLErrors } from './errors';

// `anonymous: true` in an operation's context sends it without the session: a public field
// (the programme day) must answer before sign-in and after a session has ended, and a stale
// token must not make it fail.
const authLink = new SetContextLink((prevContext) => {
  if (prevContext.anonymous) return {};
  const token = getToken();
  return token ? { headers: { ...prevContext.headers, authorization: `Bearer ${token}` } } : {};
});

// A request that carried a token and was refused as UNAUTHENTICATED means the session is
// over (expired, revoked, user deactivated): clear it and go to sign-in. A failed sign-in
// carries no token, so it stays on the form.
const expiryLink = new ErrorLink(({ error, operation }) => {
  const sentToken = Boolean(operation.getContext().headers?.authorization);
  if (sentToken && graphQLErrors(error).some((e) => e.extensions?.code === 'UNAUTHENTICATED')) sessionExpired();
});

export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([expiryLink, authLink, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
