import { makeExecutableSchema } from '@graphql-tools/schema';
import { describe, expect, it } from 'vitest';
import { applyAuthDirectives, fieldsWithoutAuthRule } from './auth-directives.ts';
import { buildSchema, loadTypeDefs } from './schema.ts';

describe('auth rules on the schema', () => {
  it('every Query and Mutation field carries @requireAuth or @skipAuth', () => {
    const schema = makeExecutableSchema({ typeDefs: loadTypeDefs() });
    expect(fieldsWithoutAuthRule(schema)).toEqual([]);
    expect(() => buildSchema()).not.toThrow();
  });

  it('a root field without a rule stops the server from starting', () => {
    const typeDefs = [...loadTypeDefs(), 'extend type Query { leak: String }'];
    const schema = makeExecutableSchema({ typeDefs });
    expect(fieldsWithoutAuthRule(schema)).toEqual(['Query.leak']);
    expect(() => applyAuthDirectives(schema)).toThrow(/Missing on: Query.leak/);
  });

  it('a root field with both rules is refused too', () => {
    const schema = makeExecutableSchema({ typeDefs: [...loadTypeDefs(), 'extend type Query { both: String @skipAuth @requireAuth }'] });
    expect(fieldsWithoutAuthRule(schema)).toEqual(['Query.both']);
  });
});
