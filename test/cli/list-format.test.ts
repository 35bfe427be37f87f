import { describe, expect, it } from 'vitest';
import { formatScenarios, formatTargets, outputWidth, wrapText } from '../../cli/list-format.js';
import type { Axes } from '../../targets/target.js';

const axes = (over: Partial<Axes>): Axes => ({ topology: 'monolith', framework: 'fastify', lifecycle: 'persistent', workers: 1, storage: 'sqlite', ...over }) as Axes;

describe('bench list formatting', () => {
  it('wraps at spaces within the width, with the indent on every line', () => {
    const lines = wrapText('one two three four five six seven', 16, '    ');
    expect(lines).toEqual(['    one two', '    three four', '    five six', '    seven']);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(16);
    expect(wrapText('a-very-long-word b', 8, '  ')).toEqual(['  a-very-long-word', '  b']);
  });

  it('puts each description under its name, left-aligned and not padded to the longest name', () => {
    const text = formatScenarios(
      [
        { name: 'smoke', description: 'A few seconds of every request type.' },
        { name: 'a-much-longer-scenario-name', description: 'x '.repeat(60).trim() },
      ],
      50,
    );
    expect(text.slice(0, 3)).toEqual(['scenarios:', '  smoke', '      A few seconds of every request type.']);
    expect(text[3]).toBe('  a-much-longer-scenario-name');
    for (const l of text) expect(l.length).toBeLessThanOrEqual(50);
    expect(text.filter((l) => /^ {6}x/.test(l)).length).toBe(3);
  });

  it('lists targets as a left-aligned table when it fits, else each name with its axes beneath', () => {
    const rows = [
      { name: 'monolith-fastify', axes: axes({}), reference: false },
      { name: 'micro-grpc-express', axes: axes({ topology: 'micro', transport: 'grpc', framework: 'express' }), reference: false },
    ];
    const table = formatTargets(rows, 100);
    expect(table[1]).toMatch(/^ {2}name {2,}topology {2,}transport/);
    // Left-aligned: every column starts where its heading starts.
    const col = table[1]!.indexOf('transport');
    expect(table[2]!.slice(col)).toMatch(/^- /);
    expect(table[3]!.slice(col)).toMatch(/^grpc /);
    const narrow = formatTargets(rows, 40);
    expect(narrow).toContain('  monolith-fastify');
    expect(narrow.join('\n')).toContain('topology=micro transport=grpc');
    for (const l of narrow) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('takes the width of a terminal, and 100 columns when output is not one', () => {
    expect(outputWidth({ isTTY: true, columns: 72 })).toBe(72);
    expect(outputWidth({ isTTY: false, columns: 72 })).toBe(100);
    expect(outputWidth({})).toBe(100);
  });
});
