import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftConflict } from './useFormDraft';

export type ValueFormats<T> = { [K in keyof T]?: (value: T[K]) => string };

/**
 * Two versions of a record side by side, field by field where they differ: the user's
 * unsaved one and the server's newer one. Nothing is overwritten until the user chooses.
 */
export function ConflictChoice<T extends object>({
  conflict,
  labels,
  formats,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: DraftConflict<T>;
  labels: Partial<Record<keyof T, string>>;
  /** how a field's value reads (an enum's name, not its key); the value as typed otherwise */
  formats?: ValueFormats<T>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const show = <K extends keyof T>(field: K, v: T[K]) =>
    v === null || v === undefined || v === ''
      ? t('drafts.blank')
      : formats?.[field]
        ? formats[field](v)
        : typeof v === 'string'
          ? v
          : JSON.stringify(v);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="conflict"
      title={t('drafts.conflictTitle')}
      description={
        <Flex vertical gap={12}>
          <Typography.Text>{t('drafts.conflictBody')}</Typography.Text>
          {conflict.fields.map((field) => (
            <Row key={String(field)} gutter={[12, 12]} data-testid={`conflict-field-${String(field)}`}>
              <Col span={24}>
                <Typography.Text strong>{labels[field] ?? String(field)}</Typography.Text>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small" title={t('drafts.mine')} data-testid="conflict-mine">
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {show(field, conflict.mine[field])}
                  </Typography.Paragraph>
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small" title={t('drafts.theirs')} data-testid="conflict-theirs">
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {show(field, conflict.theirs[field])}
                  </Typography.Paragraph>
                </Card>
              </Col>
            </Row>
          ))}
          <Flex gap={8} wrap>
            <Button type="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
              {t('drafts.keepMine')}
            </Button>
            <Button onClick={onTakeTheirs} data-testid="conflict-take-theirs">
              {t('drafts.takeTheirs')}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}
