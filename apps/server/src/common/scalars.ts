import { GraphQLScalarType } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/**
 * A calendar day, `YYYY-MM-DD`, named `Date` as the programme's API contract says
 * (`filter: { activeOn: Date }`, `missingMonths(from: Date!, to: Date!)`), so data teams
 * can declare `$day: Date!`. Parsing and validation are graphql-scalars' LocalDate; values
 * stay ISO strings end to end, matching PostgreSQL `date` columns.
 */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: "日期，格式 YYYY-MM-DD（按济南当地日历）/ A calendar day, YYYY-MM-DD (Jinan's calendar)",
});
