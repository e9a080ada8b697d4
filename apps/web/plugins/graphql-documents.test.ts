// @vitest-environment node
// The build writes each graphql() document where it is called (graphql-documents.ts). These check,
// against the generated files of this very app, that every call is replaced and that what replaces
// it is exactly the document codegen generated, so the build sends the queries the tests check.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { ApolloClient } from '@apollo/client';
import { BaseHttpLink } from '@apollo/client/link/http';
import { Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCache } from '../src/app/apollo.ts';
import * as generated from '../src/gql/graphql.ts';
import { operationText } from '../src/shared/operationText.ts';
import { APOLLO_PRINT_MODULE, graphqlDocuments, operationTextOf, readDocumentLiteral, readDocumentNames, withOperationText } from './graphql-documents.ts';

const src = fileURLToPath(new URL('../src', import.meta.url));
const gqlDir = path.join(src, 'gql');
const names = readDocumentNames(readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8'));
const typesSource = readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return file === gqlDir ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

type Handler = (this: { warn(message: string): void }, code: string, id: string) => { code: string } | null;
const transform = (graphqlDocuments({ gqlDir }).transform as { handler: Handler }).handler;
const warnings: string[] = [];
const run = (file: string) => transform.call({ warn: (message) => warnings.push(message) }, readFileSync(file, 'utf8'), file);

describe('graphqlDocuments', () => {
  it('knows every document codegen generated', () => {
    expect(names.size).toBeGreaterThan(30);
    for (const name of names.values()) expect(name in generated, name).toBe(true);
  });

  it('copies each document exactly as codegen generated it', () => {
    for (const name of names.values()) {
      const literal = readDocumentLiteral(typesSource, name);
      expect(literal, name).toBeDefined();
      expect(runInNewContext(`(${literal})`), name).toEqual(generated[name as keyof typeof generated]);
    }
  });

  it('replaces every graphql() call of the app, and drops the import of the map of all documents', () => {
    const withCalls = sourceFiles(src).filter((file) => /\bgraphql\(/.test(readFileSync(file, 'utf8')));
    expect(withCalls.length).toBeGreaterThan(20);
    for (const file of withCalls) {
      const result = run(file);
      const name = path.relative(src, file);
      expect(result, name).not.toBeNull();
      expect(result!.code, name).not.toMatch(/\bgraphql\(/);
      expect(result!.code, name).not.toMatch(/gql\/gql/);
      // Line numbers are kept, so source maps and stack traces still point at the right lines.
      expect(result!.code.split('\n').length, name).toBe(readFileSync(file, 'utf8').split('\n').length);
    }
    expect(warnings).toEqual([]);
  });

  it('writes on each document the text Apollo Client sends for it, exactly', async () => {
    const sent: string[] = [];
    const client = new ApolloClient({
      cache: createCache(),
      link: new BaseHttpLink({
        uri: '/graphql',
        fetch: (_url, init) => {
          sent.push((JSON.parse(init!.body as string) as { query: string }).query);
          return Promise.resolve(new Response('{"data":null}', { headers: { 'content-type': 'application/json' } }));
        },
      }),
    });
    const operations = [...names.values()].flatMap((name) => {
      const document = generated[name as keyof typeof generated] as DocumentNode;
      const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
      return operation ? [{ name, document, type: operation.operation }] : [];
    });
    expect(operations.length).toBeGreaterThan(20);
    for (const { name, document, type } of operations) {
      sent.length = 0;
      const request =
        type === OperationTypeNode.MUTATION ? client.mutate({ mutation: document }) : client.query({ query: document, fetchPolicy: 'network-only' });
      await request.catch(() => undefined); // the answer does not matter here, only what was sent
      const built = runInNewContext(`(${withOperationText(readDocumentLiteral(typesSource, name)!)})`) as DocumentNode;
      expect(sent, name).toEqual([operationText(built)]);
    }
  });

  it("replaces Apollo Client's print, in the build, by a lookup of that text", async () => {
    const { print } = (await import(`data:text/javascript,${encodeURIComponent(APOLLO_PRINT_MODULE)}`)) as {
      print: ((d: unknown) => string) & { reset(): void };
    };
    const literal = readDocumentLiteral(typesSource, 'SignInDocument')!;
    expect(print(runInNewContext(`(${withOperationText(literal)})`))).toBe(operationTextOf(generated.SignInDocument));
    expect(() => print(generated.SignInDocument)).toThrow(/no precomputed text/);
    expect(() => print.reset()).not.toThrow();
  });

  it('leaves a call it does not know to the run-time lookup, with a warning', () => {
    const code = "import { graphql } from '../gql/gql.ts';\nexport const X = graphql(`\n  query NotGenerated { me { id } }\n`);\n";
    const messages: string[] = [];
    expect(transform.call({ warn: (message) => messages.push(message) }, code, path.join(src, 'x.ts'))).toBeNull();
    expect(messages).toHaveLength(1);
  });
});
