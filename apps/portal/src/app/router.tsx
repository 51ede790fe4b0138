import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from '@zhuji/client/ui';

// Each screen is its own chunk: sign-in and home load only their own code (npm run bench:bundle).
export const router = createBrowserRouter(
  [
    { path: '/login', lazy: async () => ({ Component: (await import('@zhuji/client/ui/LoginPage')).LoginPage }) },
    {
      element: <RequireSignIn />,
      children: [
        {
          // The frame (menus) is a chunk of its own too: sign-in does not load it.
          lazy: async () => ({ Component: (await import('./PortalLayout')).PortalLayout }),
          children: [
            { index: true, lazy: async () => ({ Component: (await import('../features/home/HomePage')).HomePage }) },
            {
              path: 'schools',
              lazy: async () => ({ Component: (await import('../features/schools/SchoolsPage')).SchoolsPage }),
            },
            {
              path: 'schools/:id',
              lazy: async () => ({ Component: (await import('../features/schools/SchoolPage')).SchoolPage }),
            },
            {
              path: 'collaboration',
              lazy: async () => ({
                Component: (await import('../features/collaboration/CollaborationPage')).CollaborationPage,
              }),
            },
            {
              path: 'collaboration/activity',
              lazy: async () => ({
                Component: (await import('../features/collaboration/RecordActivityPage')).RecordActivityPage,
              }),
            },
            {
              path: 'plans',
              lazy: async () => ({ Component: (await import('../features/plans/PlansPage')).PlansPage }),
            },
            {
              path: 'plans/:id',
              lazy: async () => ({ Component: (await import('../features/plans/PlanPage')).PlanPage }),
            },
            {
              path: 'ledger',
              lazy: async () => ({ Component: (await import('../features/ledger/LedgerPage')).LedgerPage }),
            },
            {
              path: 'ledger/:id',
              lazy: async () => ({ Component: (await import('../features/ledger/LedgerItemPage')).LedgerItemPage }),
            },
            {
              path: 'research',
              lazy: async () => ({ Component: (await import('../features/research/ResearchPage')).ResearchPage }),
            },
            {
              path: '*',
              lazy: async () => ({ Component: (await import('@zhuji/client/ui/NotFoundPage')).NotFoundPage }),
            },
          ],
        },
      ],
    },
  ],
  { basename: '/portal' },
);
