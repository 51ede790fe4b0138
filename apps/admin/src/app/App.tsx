import { useMemo } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { ConfigProvider, App as AntApp } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import enUSLocale from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import './i18n';
import { configureSession } from '@zhuji/client/session';
import { createApolloClient } from '@zhuji/client/apollo';
import { router } from './router';

configureSession('admin');

export function App() {
  const client = useMemo(() => createApolloClient(), []);
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUSLocale : zhCNLocale}>
      <AntApp>
        <ApolloProvider client={client}>
          <RouterProvider router={router} />
        </ApolloProvider>
      </AntApp>
    </ConfigProvider>
  );
}
