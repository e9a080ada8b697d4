import http from 'node:http';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { admissionGate } from './admission.ts';

let server: http.Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      server?.closeAllConnections();
      return server ? server.close(() => resolve()) : resolve();
    }),
);

/** An app behind a gate of `limit`, whose requests each wait until the test releases them. */
async function gatedApp(limit: number) {
  const gate = admissionGate(limit);
  const admitted: string[] = [];
  const release = new Map<string, () => void>();
  const app = express();
  app.get('/:name', gate.handler, (req, res) => {
    admitted.push(req.params.name);
    release.set(req.params.name, () => res.send(req.params.name));
  });
  server = http.createServer(app);
  const port = await new Promise<number>((resolve) => server!.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port)));
  const get = (name: string, signal?: AbortSignal) => fetch(`http://127.0.0.1:${port}/${name}`, { signal }).then((r) => r.text());
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
    expect(check()).toBe(true);
  };
  return { gate, admitted, release, get, until };
}

describe('admissionGate', () => {
  it('lets `limit` requests in at once and the rest in the order they came', async () => {
    const { gate, admitted, release, get, until } = await gatedApp(2);
    const answers: Promise<string>[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      answers.push(get(name));
      await until(() => gate.inside + gate.waiting === answers.length);
    }
    expect(admitted).toEqual(['a', 'b']);
    expect(gate.waiting).toBe(3);
    release.get('b')!();
    await until(() => admitted.length === 3);
    expect(admitted).toEqual(['a', 'b', 'c']);
    for (const name of ['a', 'c']) release.get(name)!();
    await until(() => admitted.length === 5);
    expect(admitted).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const name of ['d', 'e']) release.get(name)!();
    expect(await Promise.all(answers)).toEqual(['a', 'b', 'c', 'd', 'e']);
    await until(() => gate.inside === 0 && gate.waiting === 0);
  });

  it('a client that leaves while waiting takes no turn, and one that leaves inside frees its place', async () => {
    const { gate, admitted, release, get, until } = await gatedApp(1);
    const first = new AbortController();
    void get('first', first.signal).catch(() => {});
    await until(() => gate.inside === 1);
    const gone = new AbortController();
    void get('gone', gone.signal).catch(() => {});
    await until(() => gate.waiting === 1);
    const last = get('last');
    await until(() => gate.waiting === 2);
    gone.abort();
    await until(() => gate.waiting === 1);
    first.abort();
    await until(() => admitted.includes('last'));
    expect(admitted).toEqual(['first', 'last']);
    release.get('last')!();
    expect(await last).toBe('last');
  });
});
