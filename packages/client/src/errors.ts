import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { ErrorLike } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

/** The server's error extensions (docs/ARCHITECTURE.md § Errors). */
export interface ServerFieldError {
  path: string;
  message: string;
  messageZh?: string;
  constraint?: string;
}

export function graphQLErrors(error: ErrorLike | null | undefined): readonly GraphQLFormattedError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    // Errors raised while building the request context (an expired token) come back with
    // a non-2xx status; their body is still a GraphQL response.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      return body.errors ?? [];
    } catch {
      return [];
    }
  }
  return [];
}

export function errorCode(error: ErrorLike | null | undefined): string | undefined {
  const code = graphQLErrors(error)[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The message to show: the server's Chinese one in Chinese, its English one otherwise. */
export function errorMessage(error: ErrorLike | null | undefined, language: string): string {
  const first = graphQLErrors(error)[0];
  if (!first) return error?.message ?? '';
  const zh = first.extensions?.messageZh;
  return language.startsWith('zh') && typeof zh === 'string' ? zh : first.message;
}
