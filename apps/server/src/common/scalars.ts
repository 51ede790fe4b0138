import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ErrorCode } from './errors.js';

const localDate = GraphQLLocalDate.toConfig();

/**
 * graphql-scalars throws its refusals without a code, which the server then masks as an
 * internal error (a bad `$day` variable answered 500): a day that does not exist is the
 * caller's mistake, so it is BAD_USER_INPUT with a message in both languages.
 */
function asUserInput<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GraphQLError(`${message} (expected a calendar day, YYYY-MM-DD)`, {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        messageZh: '日期无效，应为实际存在的日期，格式 YYYY-MM-DD',
        // Apollo answers a variable it could not coerce with this status, as for its own.
        http: { status: 400 },
      },
    });
  }
}

/** The days the programme can mean: PostgreSQL would take year 0 or 9999, no record should. */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

function inRange(day: string): string {
  if (day < DATE_RANGE.min || day > DATE_RANGE.max) {
    throw new GraphQLError(`Date ${day} is outside ${DATE_RANGE.min} to ${DATE_RANGE.max}`, {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        messageZh: `日期须在 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间`,
        http: { status: 400 },
      },
    });
  }
  return day;
}

/**
 * A calendar day, `YYYY-MM-DD`, named `Date` as the programme's API contract says
 * (`filter: { activeOn: Date }`, `missingMonths(from: Date!, to: Date!)`), so data teams
 * can declare `$day: Date!`. Parsing and validation are graphql-scalars' LocalDate; values
 * stay ISO strings end to end, matching PostgreSQL `date` columns.
 */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: 'Date',
  description: "日期，格式 YYYY-MM-DD（按济南当地日历）/ A calendar day, YYYY-MM-DD (Jinan's calendar)",
  parseValue: (value: unknown) => inRange(asUserInput(() => localDate.parseValue!(value)) as string),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    inRange(asUserInput(() => localDate.parseLiteral!(ast, variables)) as string),
});
