import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Segmented,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import {
  IMPORT_KINDS,
  ImportRequestError,
  isImportable,
  uploadImport,
  type ImportKind,
  type ImportReport,
} from './import-api';

const ImportPermissionsQuery = graphql(`
  query ImportPagePermissions {
    schools: viewerCan(action: SCHOOL_CREATE)
    teachers: viewerCan(action: TEACHER_CREATE)
    memberships: viewerCan(action: GROUP_MANAGE_MEMBERS)
    trusteeships: viewerCan(action: TRUSTEESHIP_CREATE)
  }
`);

/**
 * Bulk import of rosters from the districts' own spreadsheets: download the template, check
 * the file (a dry run: every row validated, nothing written), then import it all or nothing.
 * Import is offered only after a clean check of the same file, so a bad row never half-lands.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const zh = i18n.language.startsWith('zh');
  const { data: can } = useQuery(ImportPermissionsQuery, { fetchPolicy: 'cache-first' });
  const allowed = IMPORT_KINDS.filter((k) => can?.[k]);
  const [chosen, setKind] = useState<ImportKind>();
  const kind = chosen && allowed.includes(chosen) ? chosen : allowed[0];
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState<'check' | 'run'>();
  const [failure, setFailure] = useState<string>();

  const reset = () => {
    setReport(undefined);
    setFailure(undefined);
  };

  const send = async (dryRun: boolean) => {
    if (!kind || !file) return;
    setBusy(dryRun ? 'check' : 'run');
    setFailure(undefined);
    try {
      const result = await uploadImport(kind, file, dryRun);
      setReport(result);
      if (!dryRun && result.errorCount === 0) void message.success(t('import.done'));
    } catch (e) {
      const error = e as ImportRequestError;
      setReport(undefined);
      setFailure((zh && error.messageZh) || error.message);
    } finally {
      setBusy(undefined);
    }
  };

  const checkedClean = report?.dryRun && report.errorCount === 0;
  const imported = report && !report.dryRun && report.errorCount === 0;
  return (
    <Card title={t('import.title')}>
      <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Flex gap="middle" align="center" wrap>
          <Typography.Text>{t('import.kind')}</Typography.Text>
          <Segmented<ImportKind>
            data-testid="import-kind"
            value={kind}
            options={allowed.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
            onChange={(k) => {
              setKind(k);
              reset();
            }}
          />
          {kind && (
            <Space>
              <Typography.Text>{t('import.template')}:</Typography.Text>
              <a href={`/api/import/templates/${kind}.xlsx`} download data-testid="template-xlsx">
                Excel (.xlsx)
              </a>
              <a href={`/api/import/templates/${kind}.csv`} download data-testid="template-csv">
                CSV
              </a>
            </Space>
          )}
        </Flex>
        <Upload.Dragger
          data-testid="import-file"
          accept=".xlsx,.csv"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
          beforeUpload={(f) => {
            if (!isImportable(f)) {
              void message.error(t('import.wrongType'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            reset();
            return false; // keep it here: the check and the import send it on demand
          }}
          onRemove={() => {
            setFile(undefined);
            reset();
          }}
        >
          <p style={{ padding: '16px 0' }}>{t('import.drop')}</p>
        </Upload.Dragger>
        <Space>
          <Button
            data-testid="import-check"
            disabled={!file || !kind}
            loading={busy === 'check'}
            onClick={() => void send(true)}
          >
            {t('import.check')}
          </Button>
          <Popconfirm
            title={t('import.runConfirm', {
              rows: report?.rows ?? 0,
              inserted: report?.inserted ?? 0,
              updated: report?.updated ?? 0,
            })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => send(false)}
            disabled={!checkedClean}
          >
            <Button type="primary" data-testid="import-run" disabled={!checkedClean} loading={busy === 'run'}>
              {t('import.run')}
            </Button>
          </Popconfirm>
          {file && !checkedClean && !imported && (
            <Typography.Text type="secondary">{t('import.checkFirst')}</Typography.Text>
          )}
        </Space>
        {failure && <Alert type="error" showIcon role="alert" title={t('import.failed')} description={failure} />}
        {report && <ReportView report={report} zh={zh} />}
      </Space>
    </Card>
  );
}

function ReportView({ report, zh }: { report: ImportReport; zh: boolean }) {
  const { t } = useTranslation();
  const bad = report.errorCount > 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-report" data-errors={report.errorCount}>
      <Alert
        type={bad ? 'error' : 'success'}
        showIcon
        title={
          bad
            ? t('import.checkedBad', { count: report.errorCount })
            : report.dryRun
              ? t('import.checkedOk')
              : t('import.done')
        }
      />
      <Flex gap="large" wrap>
        <Statistic title={t('import.rows')} value={report.rows} />
        <Statistic title={t('import.inserted')} value={report.inserted} />
        <Statistic title={t('import.updated')} value={report.updated} />
        <Statistic title={t('import.unchanged')} value={report.unchanged} />
        <Statistic
          title={t('import.errors')}
          value={report.errorCount}
          valueStyle={bad ? { color: '#cf1322' } : undefined}
        />
      </Flex>
      {bad && (
        <>
          {report.errorCount > report.errors.length && (
            <Typography.Text type="secondary">
              {t('import.moreErrors', { shown: report.errors.length, count: report.errorCount })}
            </Typography.Text>
          )}
          <Table
            size="small"
            data-testid="import-errors"
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
            dataSource={report.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 80 },
              { title: t('import.column'), dataIndex: 'column', width: 160, render: (c: string | null) => c ?? '—' },
              { title: t('import.value'), dataIndex: 'value', width: 200, render: (v: string | null) => v ?? '—' },
              {
                title: t('import.message'),
                key: 'message',
                render: (_, e) => (zh ? e.messageZh : e.message),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
