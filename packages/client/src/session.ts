/**
 * The sign-in token, kept in localStorage so a reload keeps the session, and a signal for
 * "the server says the session is over" that each app's router turns into a redirect to
 * sign-in. Each app keeps its own token (`zhuji.admin.token`, `zhuji.portal.token`): signing
 * out of the console does not sign a school user out of the portal in another tab.
 */
let tokenKey = 'zhuji.admin.token';

/** Called once at start-up by each app, before anything reads the token. */
export function configureSession(app: 'admin' | 'portal'): void {
  tokenKey = `zhuji.${app}.token`;
}

export function getToken(): string | null {
  return localStorage.getItem(tokenKey);
}

export function setToken(token: string): void {
  localStorage.setItem(tokenKey, token);
}

export function clearToken(): void {
  localStorage.removeItem(tokenKey);
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
