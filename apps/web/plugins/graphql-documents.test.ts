// @vitest-environment node
// The build writes each graphql() document where it is called (graphql-documents.ts). These check,
// against the generated files of this very app, that every call is replaced and that what replaces
// it is exactly the document codegen generated, so the build sends the queries the tests check.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as generated from '../src/gql/graphql.ts';
import { graphqlDocuments, readDocumentLiteral, readDocumentNames } from './graphql-documents.ts';

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

  it('leaves a call it does not know to the run-time lookup, with a warning', () => {
    const code = "import { graphql } from '../gql/gql.ts';\nexport const X = graphql(`\n  query NotGenerated { me { id } }\n`);\n";
    const messages: string[] = [];
    expect(transform.call({ warn: (message) => messages.push(message) }, code, path.join(src, 'x.ts'))).toBeNull();
    expect(messages).toHaveLength(1);
  });
});
