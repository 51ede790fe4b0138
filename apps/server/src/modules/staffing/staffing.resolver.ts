import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isPublicView } from '../../auth/neighbour.js';
import type { Context } from '../../context.js';
import { District } from '../district/district.entity.js';
import { School } from '../school/school.entity.js';
import { Town } from '../town/town.entity.js';
import { StaffingIndicator } from './staffing.types.js';

const TOWN_SEAT_ONLY = {
  nullable: true,
  defaultValue: false,
  description: '只计镇驻地学校 / Count town-seat schools only',
};

@Resolver(() => School)
export class SchoolStaffingResolver {
  @FieldResolver(() => [StaffingIndicator], {
    description:
      '师资指标及同区县同学段城区基准（查看范围外为 null）/ Staffing indicators against the urban baseline of the same district and stage; null outside the viewer’s scope',
    nullable: true,
  })
  async staffing(@Root() school: School, @Ctx() ctx: Context) {
    if (isPublicView(school)) return null;
    const groups = await ctx.services.staffing.countsBy(ctx, 'id').load(school.id);
    return ctx.services.staffing.indicators(ctx, school.districtId, groups);
  }
}

@Resolver(() => Town)
export class TownStaffingResolver {
  @FieldResolver(() => [StaffingIndicator], {
    description:
      "本乡镇（查看范围内）学校按学段汇总的师资指标 / Staffing indicators of the town's visible schools, per stage",
  })
  async staffing(
    @Root() town: Town,
    @Ctx() ctx: Context,
    @Arg('townSeatOnly', () => Boolean, TOWN_SEAT_ONLY) townSeatOnly: boolean,
  ) {
    const groups = await ctx.services.staffing.countsBy(ctx, 'townId', townSeatOnly).load(town.id);
    return ctx.services.staffing.indicators(ctx, town.districtId, groups);
  }
}

@Resolver(() => District)
export class DistrictStaffingResolver {
  @FieldResolver(() => [StaffingIndicator], {
    description:
      "本区县（查看范围内）学校按学段汇总的师资指标 / Staffing indicators of the district's visible schools, per stage",
  })
  async staffing(
    @Root() district: District,
    @Ctx() ctx: Context,
    @Arg('townSeatOnly', () => Boolean, TOWN_SEAT_ONLY) townSeatOnly: boolean,
  ) {
    const groups = await ctx.services.staffing.countsBy(ctx, 'districtId', townSeatOnly).load(district.id);
    return ctx.services.staffing.indicators(ctx, district.id, groups);
  }
}
