import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TownPlanState } from '../../gql/graphql';

const COLORS: Record<TownPlanState, string> = {
  [TownPlanState.Draft]: 'default',
  [TownPlanState.Submitted]: 'processing',
  [TownPlanState.Returned]: 'warning',
  [TownPlanState.Approved]: 'success',
  [TownPlanState.Filed]: 'green',
};

/** A plan's workflow state; `data-status` carries the enum value for tests and scripts. */
export function PlanStateTag({ state, testId }: { state: TownPlanState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[state]} data-testid={testId} data-status={state}>
      {t(`enums.planState.${state}`)}
    </Tag>
  );
}
