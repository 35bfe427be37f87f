// Whether the terminal can show UTF-8 (emoji, ±): decided from the locale as the C library
// does, LC_ALL over LC_CTYPE over LANG. No locale at all is the POSIX "C" locale: ASCII.
export function localeIsUtf8(env: NodeJS.ProcessEnv = process.env): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale);
}
