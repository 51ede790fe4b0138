import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Role } from '../../gql/graphql';
import { DistrictPicker } from '../../app/pickers/DistrictPicker';
import { SchoolPicker } from '../../app/pickers/SchoolPicker';

/** Which scope each role takes, as the server's UserService requires (NEEDS_DISTRICT/NEEDS_SCHOOL). */
export const NEEDS_DISTRICT: readonly Role[] = [Role.DistrictAdmin];
export const NEEDS_SCHOOL: readonly Role[] = [Role.SchoolStaff, Role.GroupLeader, Role.Researcher];

export interface GrantValues {
  role?: Role;
  districtId?: string;
  schoolId?: string;
}

/** Only the scope the role uses goes to the server: a stale district under a school role would be refused. */
export function grantInput(values: GrantValues) {
  return {
    role: values.role!,
    districtId: values.role && NEEDS_DISTRICT.includes(values.role) ? values.districtId : undefined,
    schoolId: values.role && NEEDS_SCHOOL.includes(values.role) ? values.schoolId : undefined,
  };
}

/** Role, then the district or school that role needs; names are nested under `prefix`. */
export function GrantFields({ prefix = [] }: { prefix?: string[] }) {
  const { t } = useTranslation();
  const role = Form.useWatch<Role | undefined>([...prefix, 'role']);
  return (
    <>
      <Form.Item
        name={[...prefix, 'role']}
        label={t('users.role')}
        rules={[{ required: true, message: t('users.rule.role') }]}
      >
        <Select
          data-testid="grant-role"
          options={Object.values(Role).map((r) => ({
            value: r,
            label: `${t(`roles.${r}`)} · ${t(`users.roleHint.${r}`)}`,
          }))}
        />
      </Form.Item>
      {role && NEEDS_DISTRICT.includes(role) && (
        <Form.Item
          name={[...prefix, 'districtId']}
          label={t('users.district')}
          rules={[{ required: true, message: t('users.rule.district') }]}
        >
          <DistrictPicker data-testid="grant-district" />
        </Form.Item>
      )}
      {role && NEEDS_SCHOOL.includes(role) && (
        <Form.Item
          name={[...prefix, 'schoolId']}
          label={t('users.school')}
          rules={[{ required: true, message: t('users.rule.school') }]}
        >
          <SchoolPicker data-testid="grant-school" />
        </Form.Item>
      )}
    </>
  );
}
