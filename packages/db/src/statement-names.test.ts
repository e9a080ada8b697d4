import { describe, expect, it } from 'vitest';
import { boundedStatementNames } from './statement-names.ts';

const q = (sql: string, args = 1) => ({ sql, args: Array.from({ length: args }, (_, i) => i) });

describe('boundedStatementNames', () => {
  it('gives each SQL text one stable name, and different texts different names', () => {
    const name = boundedStatementNames();
    const a = name(q('SELECT 1 WHERE $1'));
    expect(a).toMatch(/^kp_[\w-]{27}$/);
    expect(name(q('SELECT 1 WHERE $1'))).toBe(a);
    expect(name(q('SELECT 2 WHERE $1'))).not.toBe(a);
    // The same text gets the same name in another process (another generator): names are pg's cache keys.
    expect(boundedStatementNames()(q('SELECT 1 WHERE $1'))).toBe(a);
  });

  it('leaves statements with many parameters unnamed (bulk inserts, long IN lists)', () => {
    const name = boundedStatementNames(10, 3);
    expect(name(q('INSERT … ($1, $2, $3)', 3))).not.toBe('');
    expect(name(q('INSERT … ($1, $2, $3, $4)', 4))).toBe('');
  });

  it('names only the first distinct texts, so no connection caches statements without bound', () => {
    const name = boundedStatementNames(2);
    const first = name(q('A'));
    const second = name(q('B'));
    expect([first, second].every(Boolean)).toBe(true);
    expect(name(q('C'))).toBe('');
    expect(name(q('A'))).toBe(first);
  });
});
