/** A `/query` typed at the start of a line and ending at `caret`, with where its `/` is. */
export function slashQuery(text: string, caret: number): { readonly start: number; readonly query: string } | undefined {
  const start = text.lastIndexOf('\n', caret - 1) + 1;
  const match = /^\/([^\s/]*)$/u.exec(text.slice(start, caret));
  return match ? { start, query: match[1] ?? '' } : undefined;
}
