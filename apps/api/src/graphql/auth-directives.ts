// Auth as a schema rule (after RedwoodJS): every Query and Mutation field carries @requireAuth
// or @skipAuth, and the rule is enforced here, once, so no resolver can forget it.
// Root rules only say *who may call*; which rows they see is scoped in the data layer (access/).
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import { forbidden, unauthenticated } from '../errors.ts';
import type { Role } from './enums.ts';

type AuthRule = { kind: 'requireAuth'; roles: Role[] | undefined } | { kind: 'skipAuth' };

export function authRuleOf(schema: GraphQLSchema, field: Parameters<typeof getDirective>[1]): AuthRule | undefined {
  const require = getDirective(schema, field, 'requireAuth')?.[0];
  const skip = getDirective(schema, field, 'skipAuth')?.[0];
  if (require && skip) return undefined;
  if (require) return { kind: 'requireAuth', roles: require.roles as Role[] | undefined };
  if (skip) return { kind: 'skipAuth' };
  return undefined;
}

/** Root fields without exactly one auth rule, as "Type.field". */
export function fieldsWithoutAuthRule(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      if (!authRuleOf(schema, field)) missing.push(`${root.name}.${field.name}`);
    }
  }
  return missing;
}

export function applyAuthDirectives(schema: GraphQLSchema): GraphQLSchema {
  const missing = fieldsWithoutAuthRule(schema);
  if (missing.length) {
    throw new Error(`Every root field needs @requireAuth or @skipAuth (exactly one). Missing on: ${missing.join(', ')}`);
  }
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field) => {
      const rule = authRuleOf(schema, field);
      if (!rule || rule.kind === 'skipAuth') return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, context: GraphQLContext, info) {
          const { viewer } = context;
          if (!viewer) throw unauthenticated();
          if (rule.roles && !rule.roles.includes(viewer.role)) throw forbidden();
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
