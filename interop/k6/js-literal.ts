// Data as readable JavaScript for the exported script: short values on one line, long ones
// broken per entry, so that a user can read and edit the options.
const WIDTH = 88;

export function jsLiteral(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value) ?? 'undefined';
  if (value === null || typeof value !== 'object' || flat.length + indent.length <= WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + jsLiteral(v, inner)).join(',\n')},\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${jsLiteral(v, inner)}`);
  return `{\n${entries.join(',\n')},\n${indent}}`;
}
