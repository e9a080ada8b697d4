// Named prepared statements for the PostgreSQL server. Without names every statement is parsed
// and planned again on each request (Prisma's adapter sends them unnamed); with a name, each pooled
// connection parses it once and the server can keep its plan. Names are bounded: Prisma writes an
// `IN ($1, …, $n)` list per length, and bulk postings have thousands of parameters, so only
// statements with few parameters are named, and only the first MAX_NAMED distinct ones; the rest
// stay unnamed (an empty name is pg's unnamed statement) and are planned each time, as before.
import { createHash } from 'node:crypto';

export const MAX_NAMED = 500;
export const MAX_NAMED_PARAMETERS = 32;

/** A statementNameGenerator for PrismaPg: a stable name per SQL text, or '' (unnamed). */
export function boundedStatementNames(maxNamed = MAX_NAMED, maxParameters = MAX_NAMED_PARAMETERS) {
  const names = new Map<string, string>();
  return (query: { sql: string; args: unknown[] }): string => {
    if (query.args.length > maxParameters) return '';
    let name = names.get(query.sql);
    if (name === undefined) {
      if (names.size >= maxNamed) return '';
      name = `kp_${createHash('sha1').update(query.sql).digest('base64url')}`;
      names.set(query.sql, name);
    }
    return name;
  };
}
