import { describe, expect, it, vi } from 'vitest';
import { forgetSession, registerSessionStore } from './session.ts';

describe('forgetSession', () => {
  it('empties every store the signed-in area registered, even when one of them fails', async () => {
    const failing = vi.fn(() => Promise.reject(new Error('offline')));
    const cache = vi.fn(() => Promise.resolve());
    registerSessionStore(failing);
    registerSessionStore(cache);
    await expect(forgetSession()).resolves.toBeUndefined();
    expect(failing).toHaveBeenCalledOnce();
    expect(cache).toHaveBeenCalledOnce();
  });
});
