import { Navigate, Outlet, useLocation } from 'react-router';
import { getToken } from '../session';

/** Pages behind sign-in; the sign-in target comes back through `?next=`. */
export function RequireSignIn() {
  const location = useLocation();
  if (!getToken()) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
