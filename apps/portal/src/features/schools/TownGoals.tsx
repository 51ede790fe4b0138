import { useQuery } from '@apollo/client/react';
import { Card, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@zhuji/client/ui';
import { graphql } from '../../gql';

const TownGoalsQuery = graphql(`
  query PortalTownGoals($townId: ID!) {
    goalAttainment(townId: $townId) {
      period
      meetsAll
      goals {
        goal
        met
        reason
        reasonEn
      }
    }
  }
`);

/** A town's six goals this year, each with the server's reason when not met. */
export function TownGoals({ townId, townName }: { townId: string; townName: string }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useQuery(TownGoalsQuery, { variables: { townId } });
  const attainment = data?.goalAttainment;
  return (
    <Card size="small" title={townName} data-testid="town-goals">
      {error && <QueryState error={error} />}
      {!data && !error && <QueryState loading />}
      {attainment && (
        <Flex vertical gap={8}>
          <Typography.Text>
            {t('schools.goalsPeriod', { period: attainment.period })}{' '}
            <Tag color={attainment.meetsAll ? 'green' : 'orange'}>
              {attainment.meetsAll
                ? t('schools.meetsAll')
                : t('schools.goalsMet', { count: attainment.goals.filter((g) => g.met).length })}
            </Tag>
          </Typography.Text>
          <Flex gap={6} wrap>
            {attainment.goals.map((g) => (
              <Tooltip key={g.goal} title={i18n.language === 'en' ? g.reasonEn : g.reason}>
                <Tag color={g.met ? 'green' : 'red'}>
                  {g.met ? '✓' : '✗'} {t(`enums.goal.${g.goal}`)}
                </Tag>
              </Tooltip>
            ))}
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
