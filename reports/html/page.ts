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
@media (max-width: 640px) { body { padding: .8rem .8rem 2rem; } .chart { height: 300px; } }
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
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); gap: 1rem 1.5rem; }
.chart { position: relative; height: 340px; }
.flag { display: inline-block; padding: .1rem .5rem; border-radius: 3px; font-weight: 600; }
.flag.bad { background: #fde8ec; color: var(--bad); } .flag.good { background: #e3f4ea; color: var(--good); } .flag.warn { background: #fff3d6; color: var(--warn); }
ul.flags { padding-left: 1.2rem; }
figure { margin: 0; }
/* Forest plots of ratios (forest.ts). */
.forest { margin: .4rem 0 1rem; font-size: 13px; max-width: 1000px; }
.forest-row { display: grid; grid-template-columns: minmax(10rem, 22rem) 1fr; gap: .2rem 1rem; align-items: center; padding: .15rem 0; }
.forest-label { overflow-wrap: anywhere; } .forest-value { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.forest-track { position: relative; display: block; height: 18px; padding: 0 1.4rem; }
.forest-scale { position: relative; display: block; height: 100%; }
.forest-axis .forest-track { height: 1.2rem; } .forest-tick { position: absolute; transform: translateX(-50%); color: var(--muted); white-space: nowrap; }
.forest-one { position: absolute; top: -3px; bottom: -3px; border-left: 1px solid #000; }
.forest-band { position: absolute; top: 0; bottom: 0; background: #e6eaee; }
.forest-ci { position: absolute; top: 50%; height: 3px; margin-top: -1.5px; }
.forest-dot { position: absolute; top: 50%; width: 11px; height: 11px; border-radius: 50%; transform: translate(-50%, -50%); border: 1px solid #fff; }
.tone-bad { background: #D55E00; } .tone-good { background: #009E73; } .tone-neutral { background: #555; } .tone-uncertain { background: #E69F00; }
@media (max-width: 640px) { .forest-row { grid-template-columns: 1fr; } .forest-axis .forest-label { display: none; } }
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
