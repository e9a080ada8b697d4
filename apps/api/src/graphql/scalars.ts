import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar dates travel as YYYY-MM-DD; Postgres `date` columns arrive as UTC midnight. */
export function toDateString(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  serialize: (value) => toDateString(value as Date | string),
  parseValue(value) {
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError('Dates are written YYYY-MM-DD.');
    }
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !DATE.test(ast.value)) throw new GraphQLError('Dates are written YYYY-MM-DD.');
    return ast.value;
  },
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value as string).toISOString()),
  parseValue(value) {
    const date = new Date(value as string);
    if (typeof value !== 'string' || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be ISO 8601.');
    return date;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be ISO 8601.');
    return new Date(ast.value);
  },
});
