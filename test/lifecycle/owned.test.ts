import { describe, expect, it } from 'vitest';
import { closingAlso, stoppingAlso } from '../../targets/lifecycle/owned.js';

describe('owned resources', () => {
  it('closing the server releases the resource after the server has closed', async () => {
    const order: string[] = [];
    const server = await closingAlso(async () => order.push('release'), async () => ({ port: 1, close: async () => void order.push('close') }));
    expect(order).toEqual([]);
    await server.close();
    expect(order).toEqual(['close', 'release']);
    expect(server.port).toBe(1);
  });

  it('a failed start releases at once and rethrows', async () => {
    let released = 0;
    await expect(closingAlso(async () => released++, async () => Promise.reject(new Error('no port')))).rejects.toThrow('no port');
    expect(released).toBe(1);
  });

  it('stop() releases even when stopping the target fails', async () => {
    let released = 0;
    const target = await stoppingAlso(async () => released++, async () => ({ url: 'x', stop: () => Promise.reject(new Error('stuck')) }));
    await expect(target.stop()).rejects.toThrow('stuck');
    expect(released).toBe(1);
  });
});
