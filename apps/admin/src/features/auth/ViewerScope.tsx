import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, getFragmentData, type FragmentType } from '../../gql';

export const ViewerScope_UserFragment = graphql(`
  fragment ViewerScope_User on User {
    grants {
      id
      role
      district {
        id
        name
      }
      school {
        id
        name
      }
    }
  }
`);

/** The viewer's roles and what each covers: 区县教体局管理员 · 商河县. */
export function ViewerScope(props: { user: FragmentType<typeof ViewerScope_UserFragment> }) {
  const { t } = useTranslation();
  const user = getFragmentData(ViewerScope_UserFragment, props.user);
  return (
    <>
      {user.grants.map((grant) => (
        <Tag key={grant.id} color="blue" data-testid="viewer-scope">
          {t(`roles.${grant.role}`)} · {grant.school?.name ?? grant.district?.name ?? t('scope.city')}
        </Tag>
      ))}
    </>
  );
}
