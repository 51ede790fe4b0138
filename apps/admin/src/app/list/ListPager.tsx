import { Button, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES, type PageSize } from './list-params';

interface PageOf {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
}

/**
 * The foot of every table: the total (data-count/data-loading let tests wait for it), the
 * page size and keyset previous/next. There are no page numbers: keyset pages have none.
 */
export function ListPager(props: {
  page: PageOf | undefined;
  loading: boolean;
  size: PageSize;
  onSize: (size: PageSize) => void;
  onNext: (endCursor: string) => void;
  onPrevious: (startCursor: string) => void;
}) {
  const { t } = useTranslation();
  const { page, loading } = props;
  return (
    <Flex justify="space-between" align="center" wrap gap="small" style={{ marginTop: 16 }}>
      <Typography.Text data-testid="total" data-count={page?.totalCount} data-loading={loading}>
        {page ? t('list.total', { count: page.totalCount }) : ''}
      </Typography.Text>
      <Space>
        <Select
          data-testid="page-size"
          style={{ width: 120 }}
          value={props.size}
          options={PAGE_SIZES.map((size) => ({ label: t('list.pageSize', { size }), value: size }))}
          onChange={props.onSize}
        />
        <Button
          data-testid="previous"
          disabled={loading || !page?.pageInfo.hasPreviousPage || !page.pageInfo.startCursor}
          onClick={() => page?.pageInfo.startCursor && props.onPrevious(page.pageInfo.startCursor)}
        >
          {t('list.previous')}
        </Button>
        <Button
          data-testid="next"
          disabled={loading || !page?.pageInfo.hasNextPage || !page.pageInfo.endCursor}
          onClick={() => page?.pageInfo.endCursor && props.onNext(page.pageInfo.endCursor)}
        >
          {t('list.next')}
        </Button>
      </Space>
    </Flex>
  );
}
