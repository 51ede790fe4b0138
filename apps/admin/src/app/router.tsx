import { createBrowserRouter } from 'react-router';
import { RequireSignIn } from '@zhuji/client/ui';

// Each page is its own chunk, so sign-in and the dashboard load only their own code.
export const router = createBrowserRouter(
  [
    { path: '/login', lazy: async () => ({ Component: (await import('@zhuji/client/ui/LoginPage')).LoginPage }) },
    {
      element: <RequireSignIn />,
      children: [
        {
          // The frame (menu, header) is a chunk of its own too: sign-in does not load it.
          lazy: async () => ({ Component: (await import('./AppLayout')).AppLayout }),
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
              path: 'teachers',
              lazy: async () => ({ Component: (await import('../features/teachers/TeacherListPage')).TeacherListPage }),
            },
            {
              path: 'teachers/:id',
              lazy: async () => ({
                Component: (await import('../features/teachers/TeacherDetailPage')).TeacherDetailPage,
              }),
            },
            {
              path: 'groups',
              lazy: async () => ({ Component: (await import('../features/groups/GroupListPage')).GroupListPage }),
            },
            {
              path: 'groups/:id',
              lazy: async () => ({ Component: (await import('../features/groups/GroupDetailPage')).GroupDetailPage }),
            },
            {
              path: 'trusteeships',
              lazy: async () => ({
                Component: (await import('../features/trusteeships/TrusteeshipListPage')).TrusteeshipListPage,
              }),
            },
            {
              path: 'trusteeships/:id',
              lazy: async () => ({
                Component: (await import('../features/trusteeships/TrusteeshipDetailPage')).TrusteeshipDetailPage,
              }),
            },
            {
              path: 'exchanges',
              lazy: async () => ({
                Component: (await import('../features/exchanges/ExchangeListPage')).ExchangeListPage,
              }),
            },
            {
              path: 'exchanges/:id',
              lazy: async () => ({
                Component: (await import('../features/exchanges/ExchangeDetailPage')).ExchangeDetailPage,
              }),
            },
            {
              path: 'researchers',
              lazy: async () => ({
                Component: (await import('../features/researchers/ResearcherListPage')).ResearcherListPage,
              }),
            },
            {
              path: 'researchers/:id',
              lazy: async () => ({
                Component: (await import('../features/researchers/ResearcherDetailPage')).ResearcherDetailPage,
              }),
            },
            {
              path: 'plans',
              lazy: async () => ({ Component: (await import('../features/plans/PlanListPage')).PlanListPage }),
            },
            {
              path: 'plans/:id',
              lazy: async () => ({ Component: (await import('../features/plans/PlanReviewPage')).PlanReviewPage }),
            },
            {
              path: 'ledger',
              lazy: async () => ({ Component: (await import('../features/ledger/LedgerListPage')).LedgerListPage }),
            },
            {
              path: 'ledger/:id',
              lazy: async () => ({ Component: (await import('../features/ledger/LedgerItemPage')).LedgerItemPage }),
            },
            {
              path: 'assessments',
              lazy: async () => ({
                Component: (await import('../features/assessments/AssessmentListPage')).AssessmentListPage,
              }),
            },
            {
              path: 'assessments/:id',
              lazy: async () => ({
                Component: (await import('../features/assessments/AssessmentDetailPage')).AssessmentDetailPage,
              }),
            },
            {
              path: 'towns',
              lazy: async () => ({ Component: (await import('../features/towns/TownListPage')).TownListPage }),
            },
            {
              path: 'towns/:id',
              lazy: async () => ({ Component: (await import('../features/towns/TownGoalsPage')).TownGoalsPage }),
            },
            {
              path: 'calendar',
              lazy: async () => ({
                Component: (await import('../features/calendar/SchoolCalendarPage')).SchoolCalendarPage,
              }),
            },
            {
              path: 'users',
              lazy: async () => ({ Component: (await import('../features/users/UserListPage')).UserListPage }),
            },
            {
              path: 'users/:id',
              lazy: async () => ({ Component: (await import('../features/users/UserDetailPage')).UserDetailPage }),
            },
            {
              path: 'audit',
              lazy: async () => ({ Component: (await import('../features/audit/AuditLogPage')).AuditLogPage }),
            },
            {
              path: 'import',
              lazy: async () => ({ Component: (await import('../features/import/ImportPage')).ImportPage }),
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
  { basename: '/admin' },
);
