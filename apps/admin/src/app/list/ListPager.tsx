import { Button, Flex, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { PAGE_SIZES, type PageSize } from './list-params';

/** What the pager needs of a connection's page; every list query spreads it. */
export const ListPager_PageInfoFragment = graphql(`
  fragment ListPager_PageInfo on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

interface PageOf {
  totalCount: number;
  pageInfo: FragmentType<typeof ListPager_PageInfoFragment>;
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
  const pageInfo = page ? getFragmentData(ListPager_PageInfoFragment, page.pageInfo) : undefined;
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
          disabled={loading || !pageInfo?.hasPreviousPage || !pageInfo.startCursor}
          onClick={() => pageInfo?.startCursor && props.onPrevious(pageInfo.startCursor)}
        >
          {t('list.previous')}
        </Button>
        <Button
          data-testid="next"
          disabled={loading || !pageInfo?.hasNextPage || !pageInfo.endCursor}
          onClick={() => pageInfo?.endCursor && props.onNext(pageInfo.endCursor)}
        >
          {t('list.next')}
        </Button>
      </Space>
    </Flex>
  );
}
