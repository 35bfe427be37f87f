// The HTML shell every report shares: escaping, one stylesheet, a colour-blind-safe palette
// (Okabe-Ito), and tables. Pages are self-contained: no network access, open from disk.

/** Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON for a <script type="application/json"> block: "</script>" inside data must not end it. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function htmlTable(header: string[], rows: string[][], opts: { caption?: string; id?: string; numericFrom?: number } = {}): string {
  const from = opts.numericFrom ?? 1;
  const cell = (tag: 'td' | 'th', s: string, i: number) => `<${tag}${i >= from ? ' class="num"' : ''}>${escapeHtml(s)}</${tag}>`;
  return [
    `<div class="table-wrap"><table${opts.id ? ` id="${escapeHtml(opts.id)}"` : ''}>`,
    opts.caption ? `<caption>${escapeHtml(opts.caption)}</caption>` : '',
    `<thead><tr>${header.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('\n')}</tbody>`,
    '</table></div>',
  ].join('\n');
}

const CSS = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #555; --line: #d0d0d0; --bg: #fff; --band: #f4f6f8; --bad: #b00020; --good: #006b3c; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 1280px; }
h1 { font-size: 1.5rem; margin: .2rem 0 .4rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
p, li { max-width: 80ch; } .muted { color: var(--muted); }
code, pre { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
pre { background: var(--band); padding: .6rem .8rem; overflow-x: auto; border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td:first-child { white-space: nowrap; } #env-table td { word-break: break-all; }
th { background: var(--band); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 1rem 1.5rem; }
.chart { position: relative; height: 340px; }
.flag { display: inline-block; padding: .1rem .5rem; border-radius: 3px; font-weight: 600; }
.flag.bad { background: #fde8ec; color: var(--bad); } .flag.good { background: #e3f4ea; color: var(--good); } .flag.warn { background: #fff3d6; color: var(--warn); }
ul.flags { padding-left: 1.2rem; }
`;

export interface PageParts {
  title: string;
  body: string;
  /** Inline scripts, in order (chart.js first when charts are drawn). */
  scripts?: string[];
}

export function page(p: PageParts): string {
  // A "</script" inside inlined library code would end the tag early.
  const scripts = (p.scripts ?? []).map((s) => `<script>${s.replace(/<\/script/gi, '<\\/script')}</script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(p.title)}</title>
<style>${CSS}</style>
</head>
<body>
${p.body}
${scripts}
</body>
</html>
`;
}
