import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** What each app asks of `me { grants { … } }` to show the viewer's scope. */
export interface ScopeGrant {
  id: string;
  role: string;
  district?: { name: string } | null;
  school?: { name: string } | null;
}

/** The viewer's roles and what each covers: 区县教体局管理员 · 商河县. */
export function ViewerScope({ grants }: { grants: readonly ScopeGrant[] }) {
  const { t } = useTranslation();
  return (
    <>
      {grants.map((grant) => (
        <Tag key={grant.id} color="blue" data-testid="viewer-scope">
          {t(`roles.${grant.role}` as 'roles.CITY_ADMIN')} ·{' '}
          {grant.school?.name ?? grant.district?.name ?? t('scope.city')}
        </Tag>
      ))}
    </>
  );
}
