/**
 * The sign-in token, kept in localStorage so a reload keeps the session, and a signal for
 * "the server says the session is over" that the router turns into a redirect to sign-in.
 */
const TOKEN_KEY = 'zhuji.admin.token';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

type Listener = () => void;
const expiryListeners = new Set<Listener>();

/** Called by the Apollo error link when a request carrying a token is refused. */
export function sessionExpired(): void {
  clearToken();
  for (const listener of expiryListeners) listener();
}

export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}
