/**
 * Message templates (R-TPL-01..04). A template body mixes plain text with
 * system variables `{{customerName}}`, substituted from the interaction, and
 * replaceable parameters `[[order number]]` the agent fills before sending.
 * Everything substituted is plain text: nothing here interprets HTML. Template bodies are
 * Markdown; for a plain-text channel {@link applyTemplate} turns them into plain text
 * (with marked's lexer, loaded by {@link loadPlainTextFormatting} so that filtering and
 * Markdown channels do not pay for it), so a customer never sees `**` or `[text](url)`.
 * @packageDocumentation
 */
import type { Lexer as MarkedLexer, Token, Tokens } from 'marked';
import type { Channel, Interaction, MessageTemplate } from '../core/types.js';

/** The system variables a template may use (R-TPL-04). */
export const SYSTEM_VARIABLES = ['customerName', 'agentName', 'queueName', 'customerEmail', 'customerPhone', 'date'] as const;

/** Name of a system variable. */
export type SystemVariable = (typeof SYSTEM_VARIABLES)[number];

/** Values of the system variables for one interaction; `undefined` when the interaction has none (no phone on an email). */
export type SystemContext = Readonly<Record<SystemVariable, string | undefined>>;

/** One piece of a parsed template body. `raw` is the placeholder exactly as written. */
export type TemplateSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string; readonly known: boolean; readonly raw: string }
  | { readonly kind: 'param'; readonly name: string; readonly raw: string };

const PLACEHOLDER = /\{\{([^{}\n]+)\}\}|\[\[([^[\]\n]+)\]\]/g;
const CANONICAL = new Map<string, SystemVariable>(SYSTEM_VARIABLES.map((name) => [name.toLowerCase(), name]));

/**
 * Splits a template body into text, system variables and parameters. Variable names
 * match case-insensitively and are reported in their canonical spelling
 * (`{{ CustomerName }}` → `customerName`); unknown ones keep their name with
 * `known: false`. Parameter names are trimmed; `[[ ]]` (no name) stays text.
 */
export function parseTemplate(body: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let text = '';
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const [raw, variable, param] = match;
    const name = (variable ?? param ?? '').trim();
    text += body.slice(last, match.index);
    last = match.index + raw.length;
    if (param !== undefined && name === '') {
      text += raw;
      continue;
    }
    if (text) segments.push({ kind: 'text', text });
    text = '';
    if (variable !== undefined) {
      const canonical = CANONICAL.get(name.toLowerCase());
      segments.push({ kind: 'variable', name: canonical ?? name, known: canonical !== undefined, raw });
    } else {
      segments.push({ kind: 'param', name, raw });
    }
  }
  text += body.slice(last);
  if (text) segments.push({ kind: 'text', text });
  return segments;
}

/** Names of the parameters the agent must fill, in order of first appearance, each once (R-TPL-03). */
export function templateParameters(body: string | readonly TemplateSegment[]): string[] {
  const segments = typeof body === 'string' ? parseTemplate(body) : body;
  return unique(segments.flatMap((s) => (s.kind === 'param' ? [s.name] : [])));
}

/**
 * The system variables of an interaction (R-TPL-04). `date` is today's date in the
 * given locale (long style, e.g. "March 5, 2025" / "2025年3月5日"). The customer's
 * email and phone fall back to the contact's source when the customer record has none.
 */
export function systemContext(
  interaction: Pick<Interaction, 'customer' | 'queue' | 'source'>,
  agentName: string,
  locale: string,
  now: Date = new Date(),
): SystemContext {
  const { customer, queue, source } = interaction;
  return {
    customerName: customer.name || undefined,
    agentName: agentName || undefined,
    queueName: queue.name || undefined,
    customerEmail: customer.email ?? source.email,
    customerPhone: customer.phone ?? source.phoneNumber,
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(now),
  };
}

/** How {@link applyTemplate} writes substituted values. */
export interface ApplyTemplateOptions {
  /**
   * The channel's text format.
   * `markdown`: the body stays Markdown, and Markdown syntax in substituted values
   * (customer names, parameters) is escaped, so `*John*` stays literal when rendered.
   * `plain`: the body's Markdown becomes plain text (see {@link markdownToPlainText}),
   * values go in as typed.
   * Omitted: the body as written, values as typed.
   */
  readonly format?: 'plain' | 'markdown';
  /**
   * Keep unknown variables in the text as written (`{{caseId}}`) instead of leaving them
   * out, so the agent sees what is missing and fills or removes it before sending.
   */
  readonly keepUnknown?: boolean;
}

/** A template with everything it could substitute substituted. */
export interface AppliedTemplate {
  /** The message text. Empty variables and unfilled parameters are left out, never raw; unknown variables too unless `keepUnknown`. */
  readonly text: string;
  /** Variables that are not system variables (`{{ticketId}}`): removed from `text`; warn the agent (R-TPL-04). */
  readonly unknownVariables: string[];
  /** System variables this interaction has no value for (no phone on an email): removed from `text`. */
  readonly emptyVariables: SystemVariable[];
  /** Every parameter of the template, in order, each once. */
  readonly params: string[];
  /** Parameters without a (non-blank) value (R-TPL-03). */
  readonly missingParams: string[];
  /** True when no parameter is missing: only then may the text be sent (R-TPL-03). */
  readonly ready: boolean;
}

/**
 * Substitutes system variables from `context` and parameters from `params`
 * (R-TPL-03, R-TPL-04). Nothing is left as a raw `[[…]]` or known `{{…}}`: empty
 * variables are reported and left out, missing parameters are reported and left out
 * until filled; unknown variables are reported and left out (kept as written with
 * `keepUnknown`). With `format: 'plain'` the body's Markdown becomes plain text first.
 * Values are plain text.
 */
export function applyTemplate(
  template: MessageTemplate | string | readonly TemplateSegment[],
  context: SystemContext,
  params: Readonly<Record<string, string>> = {},
  options: ApplyTemplateOptions = {},
): AppliedTemplate {
  const parsed = typeof template === 'string' ? parseTemplate(template) : isSegments(template) ? template : parseTemplate(template.body);
  const segments = options.format === 'plain' ? parseTemplate(markdownToPlainText(parsed.map((s) => (s.kind === 'text' ? s.text : s.raw)).join(''))) : parsed;
  const value = options.format === 'markdown' ? escapeMarkdown : (v: string): string => v;
  const unknownVariables: string[] = [];
  const emptyVariables: SystemVariable[] = [];
  const missingParams: string[] = [];
  let text = '';
  for (const segment of segments) {
    switch (segment.kind) {
      case 'text':
        text += segment.text;
        break;
      case 'variable': {
        const name = CANONICAL.get(segment.name.toLowerCase());
        const substituted = name === undefined ? undefined : context[name];
        if (name === undefined) {
          unknownVariables.push(segment.name);
          if (options.keepUnknown === true) text += segment.raw;
        } else if (substituted === undefined || substituted === '') emptyVariables.push(name);
        else text += value(substituted);
        break;
      }
      case 'param': {
        const filled = Object.hasOwn(params, segment.name) ? params[segment.name] : undefined;
        if (filled === undefined || filled.trim() === '') missingParams.push(segment.name);
        else text += value(filled);
        break;
      }
    }
  }
  const missing = unique(missingParams);
  return {
    text,
    unknownVariables: unique(unknownVariables),
    emptyVariables: unique(emptyVariables),
    params: templateParameters(segments),
    missingParams: missing,
    ready: missing.length === 0,
  };
}

/**
 * Templates for a channel whose name or body contains every word of the query,
 * ignoring case and accents (R-TPL-01 search). An empty query lists them all.
 */
export function filterTemplates<T extends MessageTemplate>(templates: readonly T[], query: string, channel?: Channel): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return templates.filter((t) => {
    if (channel !== undefined && !t.channels.includes(channel)) return false;
    const haystack = fold(`${t.name}\n${t.body}`);
    return words.every((w) => haystack.includes(w));
  });
}

let lexer: typeof MarkedLexer | undefined;

/**
 * Loads marked's lexer, which plain-text conversion needs ({@link markdownToPlainText},
 * `applyTemplate` with `format: 'plain'`). Resolves at once once loaded.
 */
export async function loadPlainTextFormatting(): Promise<void> {
  lexer ??= (await import('marked')).Lexer;
}

/** Gives plain-text conversion marked's lexer at once, for a bundle that carries marked already (the package root). */
export function providePlainTextLexer(given: typeof MarkedLexer): void {
  lexer ??= given;
}

/**
 * Markdown as the plain text a reader would see: emphasis, strike-through, code and
 * heading markers are removed, a link becomes "text (url)" (just the URL when that is its
 * text), an image its description and URL, list items keep a "- " (or "1. ") marker,
 * quotes and code blocks their text. Blocks are separated by a blank line; single line
 * breaks stay. HTML is kept as written (it is text on a plain channel).
 */
export function markdownToPlainText(markdown: string): string {
  if (!lexer) throw new Error('markdownToPlainText: call loadPlainTextFormatting() first');
  const tokens = lexer.lex(markdown, { gfm: true, breaks: true });
  return blocks(tokens, '').replace(/\s+$/, '');
}

function blocks(tokens: readonly Token[], indent: string): string {
  const out: string[] = [];
  for (const token of tokens) {
    const text = block(token, indent);
    if (text !== undefined) out.push(text);
  }
  return out.join('\n\n');
}

function block(token: Tokens.Generic, indent: string): string | undefined {
  switch (token.type) {
    case 'space':
    case 'hr':
    case 'def':
      return undefined;
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items
        .map((item, k) => {
          const marker = list.ordered ? `${start + k}. ` : '- ';
          const box = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
          const body = item.tokens.map((t) => (t.type === 'list' ? `\n${block(t as Tokens.Generic, `${indent}  `) ?? ''}` : block(t as Tokens.Generic, `${indent}  `) ?? '')).join('');
          return `${indent}${marker}${box}${body}`;
        })
        .join('\n');
    }
    case 'code':
      return (token as Tokens.Code).text;
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: readonly Tokens.TableCell[]): string => cells.map((c) => inline(c.tokens)).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'blockquote':
    case 'heading':
    case 'paragraph':
    case 'text':
      return token.tokens && token.type !== 'blockquote' ? inline(token.tokens) : token.tokens ? blocks(token.tokens, indent) : String(token.text ?? '');
    default:
      return token.tokens ? inline(token.tokens) : String(token.text ?? token.raw);
  }
}

function inline(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    const token = t as Tokens.Generic;
    switch (token.type) {
      case 'link': {
        const { href } = token as Tokens.Link;
        const label = inline((token as Tokens.Link).tokens);
        out += label === href || label === '' || `mailto:${label}` === href ? href : `${label} (${href})`;
        break;
      }
      case 'image': {
        const { href, text } = token as Tokens.Image;
        out += text ? `${text} (${href})` : href;
        break;
      }
      case 'br':
        out += '\n';
        break;
      case 'html':
      case 'codespan':
      case 'escape':
        out += String(token.text ?? '');
        break;
      default:
        out += token.tokens ? inline(token.tokens) : String(token.text ?? token.raw);
    }
  }
  return out;
}

/** Backslash-escapes Markdown syntax so a value reads literally when rendered as Markdown. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function isSegments(value: MessageTemplate | readonly TemplateSegment[]): value is readonly TemplateSegment[] {
  return Array.isArray(value);
}
