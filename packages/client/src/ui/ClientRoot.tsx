import { useMemo } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import type { createBrowserRouter } from 'react-router';
import { createApolloClient } from '../apollo';
import { TodayProvider } from './TodayProvider';

/** What either app renders at its root: antd in the viewer's language, Apollo, the programme day, the router. */
export function ClientRoot({ router }: { router: ReturnType<typeof createBrowserRouter> }) {
  const client = useMemo(() => createApolloClient(), []);
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUSLocale : zhCNLocale}>
      <AntApp>
        <ApolloProvider client={client}>
          <TodayProvider>
            <RouterProvider router={router} />
          </TodayProvider>
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
