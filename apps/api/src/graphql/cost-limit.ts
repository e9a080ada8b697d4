// What a query may cost, counted with the page sizes it really asks for. GraphQL Armor's cost limit
// multiplies a list's cost by `first` only when `first` is written into the query: passed as a
// variable, or left out (a page of DEFAULT_PAGE_SIZE), it counted once, so eight copies of the
// heaviest staff query went through in one request. This counts after the operation is resolved,
// when the variables are known, with Armor's formula otherwise (objects 2, scalars 1, each level
// deeper × depthCostFactor, fragments flattened).
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  valueFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type SelectionNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination.ts';

export interface CostLimitOptions {
  maxCost: number;
  depthCostFactor: number;
}

const OBJECT_COST = 2;
const SCALAR_COST = 1;

/** The cost of one operation of `document` with these variables. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  { depthCostFactor }: Pick<CostLimitOptions, 'depthCostFactor'>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // Variables the request left out take their defaults from the operation.
  const values: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) values[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  Object.assign(values, variables);

  /** The page a field reads: `first` as written, from its variable, or the field's default. */
  const pageOf = (type: GraphQLCompositeType, field: FieldNode): number => {
    if (!isObjectType(type) && !isInterfaceType(type)) return 1;
    const definition = type.getFields()[field.name.value]?.args.find((a) => a.name === 'first');
    if (!definition) return 1;
    const written = field.arguments?.find((a) => a.name.value === 'first');
    const value = written ? valueFromAST(written.value, definition.type, values) : undefined;
    const size = typeof value === 'number' ? value : typeof definition.defaultValue === 'number' ? definition.defaultValue : DEFAULT_PAGE_SIZE;
    // A size out of range is refused when the field runs; count the most it could read.
    return Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE ? size : MAX_PAGE_SIZE;
  };

  // Armor's formula, term for term: a field with a selection costs 2 plus its children (each × the
  // depth factor), times its page; a scalar 1; a fragment spread 1 + 2 + its fields (a repeated
  // one 1 + factor × its first cost); an inline fragment 2 + its fields.
  const visited = new Map<string, number>();
  const fieldCost = (type: GraphQLCompositeType, field: FieldNode): number => {
    if (!field.selectionSet) return SCALAR_COST;
    const fieldType = isObjectType(type) || isInterfaceType(type) ? type.getFields()[field.name.value]?.type : undefined;
    const named = fieldType ? getNamedType(fieldType) : undefined;
    if (!named || !isCompositeType(named)) return OBJECT_COST;
    return (OBJECT_COST + setCost(named, field.selectionSet)) * pageOf(type, field);
  };
  const selectionCost = (type: GraphQLCompositeType, selection: SelectionNode): number => {
    if (selection.kind === Kind.FIELD) {
      return selection.name.value === '__schema' ? 0 : fieldCost(type, selection);
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      return OBJECT_COST + (on && isCompositeType(on) ? setCost(on, selection.selectionSet) : 0);
    }
    const name = selection.name.value;
    const known = visited.get(name);
    // A spread of a fragment already being counted (a cycle, which validation refuses) costs its spread.
    if (known !== undefined) return SCALAR_COST + depthCostFactor * Math.max(known, 0);
    visited.set(name, -1);
    const fragment = fragments.get(name);
    const on = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    const cost = fragment && on && isCompositeType(on) ? OBJECT_COST + setCost(on, fragment.selectionSet) : 0;
    visited.set(name, cost);
    return SCALAR_COST + cost;
  };
  const setCost = (type: GraphQLCompositeType, set: SelectionSetNode): number =>
    set.selections.reduce((sum, child) => sum + (child.kind === Kind.FIELD ? depthCostFactor : 1) * selectionCost(type, child), 0);

  // The operation's own fields count without the depth factor.
  return operation.selectionSet.selections.reduce((sum, child) => sum + selectionCost(root, child), 0);
}

/** Refuses an operation above `maxCost` before it runs, with Armor's message and code. */
export function costLimitPlugin(schema: () => GraphQLSchema, options: CostLimitOptions): ApolloServerPlugin {
  const check: NonNullable<GraphQLRequestListener<BaseContext>['didResolveOperation']> = ({ document, operation, request }) => {
    const cost = operation ? operationCost(schema(), document, operation, request.variables ?? {}, options) : 0;
    if (cost <= options.maxCost) return Promise.resolve();
    return Promise.reject(
      new GraphQLError(`Query Cost limit of ${options.maxCost} exceeded, found ${Math.ceil(cost)}.`, {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
      }),
    );
  };
  return { requestDidStart: () => Promise.resolve({ didResolveOperation: check }) };
}
