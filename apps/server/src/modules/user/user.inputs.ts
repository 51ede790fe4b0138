import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, Length, Matches, ValidateNested } from 'class-validator';
import { Role } from '../../auth/viewer.js';

@InputType({ description: '角色授权 / A role and its scope' })
export class GrantInput {
  @Field(() => Role, { description: '角色 / Role' })
  role: Role;

  @Field(() => ID, { nullable: true, description: '区县（DISTRICT_ADMIN 必填）/ District, for DISTRICT_ADMIN' })
  districtId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      '学校（SCHOOL_STAFF、GROUP_LEADER 的龙头校、RESEARCHER 的包挂校必填）/ School, for SCHOOL_STAFF, GROUP_LEADER (lead school) and RESEARCHER',
  })
  schoolId?: string | null;
}

@InputType({ description: '新建用户 / New user' })
export class CreateUserInput {
  @Field({ description: '登录名：字母、数字、-、_，3–64 位 / Username: 3-64 letters, digits, - or _' })
  @Matches(/^[A-Za-z0-9_-]{3,64}$/, { message: 'must be 3-64 letters, digits, - or _' })
  username: string;

  @Field({ description: '显示名称 / Display name' })
  @Length(1, 64)
  displayName: string;

  @Field({ description: '初始密码，至少 12 位 / Initial password, 12+ characters' })
  @Length(12, 128)
  password: string;

  @Field(() => [GrantInput], { description: '授权，至少一项 / Grants, at least one' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested()
  grants: GrantInput[];
}

@InputType({ description: '用户筛选 / User filter' })
export class UserFilter {
  @Field({ nullable: true, description: '按登录名或显示名称搜索 / Search by username or display name' })
  @Length(1, 64)
  search?: string;

  @Field(() => Role, { nullable: true, description: '持有此角色的用户 / Users holding this role' })
  role?: Role;
}
