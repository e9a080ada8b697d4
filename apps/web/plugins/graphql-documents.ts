// The client preset's `graphql()` looks each document up in one map of every document of the app
// (src/gql/gql.ts), so whatever page calls it, every page's queries ship with it; and importing the
// documents from src/gql/graphql.ts instead would not help either, since a module is never split
// between chunks. The preset's authors ask for their Babel or SWC plugin in production builds;
// neither runs in Vite 8 (Oxc, no Babel). This does the same job at the module level: each
// `graphql(`…`)` call becomes the document object codegen generated for it (copied from
// graphql.ts), written where it is called. A route's chunk then carries its own queries and no
// other page's. The object is the one codegen wrote, so what is sent to the API does not change.
//
// Each document also carries the text Apollo Client would send for it (src/shared/operationText.ts),
// printed here with Apollo's and GraphQL's own functions. In the build, Apollo Client's `print`
// (@apollo/client/utilities/graphql/print.js) is replaced by one that reads that text, so GraphQL's
// printer (2 KB brotli) is not downloaded; the sign-in page sends it without Apollo Client at all.
import { readFileSync, statSync } from 'node:fs';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { print, type DocumentNode } from 'graphql';
import type { Plugin } from 'vite';
import { OPERATION_TEXT_KEY } from '../src/shared/operationText.ts';

/** Each document's source text (as written in the components) → its export in graphql.ts. */
export function readDocumentNames(gqlSource: string): Map<string, string> {
  const start = gqlSource.indexOf('const documents');
  if (start < 0) return new Map();
  const body = gqlSource.slice(start, gqlSource.indexOf('\n};', start));
  const names = new Map<string, string>();
  // Entries are `'<source>': types.<Name>,` (Prettier may break the line after the colon).
  for (const match of body.matchAll(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"):\s*types\.(\w+),/g)) {
    names.set(unquote(match[1]!), match[2]!);
  }
  return names;
}

/** `export const <name> = {…} as unknown as DocumentNode<…>;` → `{…}` on one line. */
export function readDocumentLiteral(typesSource: string, name: string): string | undefined {
  const head = `export const ${name} = {`;
  const start = typesSource.indexOf(head);
  if (start < 0) return undefined;
  const end = typesSource.indexOf('} as unknown as DocumentNode<', start);
  if (end < 0) return undefined;
  // The literal holds only quoted strings (no template literals), so no line break is inside one.
  return typesSource.slice(start + head.length - 1, end + 1).replace(/\r?\n\s*/g, ' ');
}

/**
 * What Apollo Client sends for this document: its cache adds `__typename` to every selection set
 * (InMemoryCache.transformDocument), then the HTTP link prints it. (Apollo also strips its
 * client-only directives, @client, @connection, @nonreactive and @unmask; the portal uses none.)
 */
export function operationTextOf(document: DocumentNode): string {
  return print(addTypenameToDocument(document));
}

/** The document's literal, with its operation text under `Symbol.for(OPERATION_TEXT_KEY)`. */
export function withOperationText(literal: string): string {
  const text = operationTextOf(JSON.parse(literal) as DocumentNode);
  return `${literal.slice(0, -1)},[Symbol.for(${JSON.stringify(OPERATION_TEXT_KEY)})]:${JSON.stringify(text)}}`;
}

/** Apollo Client's `print`, in the build: the text written on the document (see the top of this file). */
export const APOLLO_PRINT_MODULE = `const key = Symbol.for(${JSON.stringify(OPERATION_TEXT_KEY)});
export const print = Object.assign((document) => {
  const text = document[key];
  if (typeof text !== 'string') throw new Error('A GraphQL document has no precomputed text (plugins/graphql-documents.ts).');
  return text;
}, { reset() {} });
`;
const APOLLO_PRINT = /[\\/]@apollo[\\/]client[\\/]utilities[\\/]graphql[\\/]print\.js$/;

/** A JavaScript string literal's value (the escapes codegen and Prettier write). */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    if (escape.startsWith('u{')) return String.fromCodePoint(parseInt(escape.slice(2, -1), 16));
    if (escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' }[escape] ?? escape;
  });
}

// `graphql(` + a template literal without `${…}` or escapes (the preset allows no interpolation).
const CALL = /\bgraphql\(\s*`((?:[^`\\$]|\$(?!\{))*)`\s*\)/g;
const ONLY_GRAPHQL_IMPORT = /import\s*\{\s*graphql\s*\}\s*from\s*['"][^'"]*\bgql\/gql(?:\.ts)?['"];?/;
const IMPORTS_GQL = /import\s*\{[^}]*\bgraphql\b[^}]*\}\s*from\s*['"][^'"]*\bgql\/gql(?:\.ts)?['"]/;

export function graphqlDocuments(options: { gqlDir: string }): Plugin {
  let building = false;
  const gqlFile = `${options.gqlDir}/gql.ts`;
  const typesFile = `${options.gqlDir}/graphql.ts`;
  let cache: { key: string; literals: Map<string, string | undefined> } | undefined;
  // Source text → the document's literal; read again whenever `pnpm codegen` rewrites the files.
  const documents = () => {
    const key = `${statSync(gqlFile).mtimeMs}:${statSync(typesFile).mtimeMs}`;
    if (cache?.key !== key) {
      const typesSource = readFileSync(typesFile, 'utf8');
      const names = readDocumentNames(readFileSync(gqlFile, 'utf8'));
      const literal = (name: string) => {
        const found = readDocumentLiteral(typesSource, name);
        return found === undefined ? undefined : withOperationText(found);
      };
      cache = { key, literals: new Map([...names].map(([source, name]) => [source, literal(name)])) };
    }
    return cache.literals;
  };

  return {
    name: 'kinpay:graphql-documents',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    load: {
      filter: { id: APOLLO_PRINT },
      handler(id) {
        return building && APOLLO_PRINT.test(id) ? APOLLO_PRINT_MODULE : null;
      },
    },
    transform: {
      filter: { id: /\.tsx?$/, code: 'graphql(' },
      handler(code, id) {
        if (id.startsWith(options.gqlDir) || !IMPORTS_GQL.test(code)) return null;
        const literals = documents();
        let replaced = 0;
        const transformed = code.replace(CALL, (call, source: string) => {
          const literal = literals.get(source);
          if (!literal) {
            // In the build, Apollo Client could not print it (see APOLLO_PRINT_MODULE): stop there.
            const message = `a graphql() document has no generated counterpart (run \`pnpm codegen\`)`;
            if (building) this.error(message);
            this.warn(`${message}; it is left to the run-time lookup`);
            return call;
          }
          replaced += 1;
          // As many line breaks as the call had: every later line keeps its number (source maps hold).
          return `(${literal})${'\n'.repeat(call.split('\n').length - 1)}`;
        });
        if (replaced === 0) return null;
        // With no call left, the import goes too, or gql.ts (and with it every document) would stay
        // in the bundle: the bundler keeps a module its map of documents cannot prove pure.
        const unused = !/\bgraphql\(/.test(transformed);
        return { code: unused ? transformed.replace(ONLY_GRAPHQL_IMPORT, '') : transformed, map: null };
      },
    },
  };
}
