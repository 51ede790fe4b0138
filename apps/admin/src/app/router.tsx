import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { getToken } from './session';
import { AppLayout } from './AppLayout';

/** Pages behind sign-in; the sign-in target comes back through `?next=`. */
function RequireSignIn() {
  const location = useLocation();
  if (!getToken()) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

// Each page is its own chunk, so sign-in and the dashboard load only their own code.
export const router = createBrowserRouter(
  [
    { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/LoginPage')).LoginPage }) },
    {
      element: <RequireSignIn />,
      children: [
        {
          element: <AppLayout />,
          children: [
            {
              index: true,
              lazy: async () => ({ Component: (await import('../features/dashboard/DashboardPage')).DashboardPage }),
            },
            {
              path: 'schools',
              lazy: async () => ({ Component: (await import('../features/schools/SchoolListPage')).SchoolListPage }),
            },
            {
              path: 'schools/:id',
              lazy: async () => ({
                Component: (await import('../features/schools/SchoolDetailPage')).SchoolDetailPage,
              }),
            },
            {
              path: '*',
              lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }),
            },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
