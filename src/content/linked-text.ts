/**
 * Untrusted plain text with its links made clickable (R-COMP-04), for Lit templates; and
 * the same host display and mismatch flag for links in sanitized Markdown. Text reaches the
 * page through text bindings only; an `href` only after {@link findLinks} has kept it to
 * http(s), mailto or tel. Links open in a new tab with `rel="noopener noreferrer"`.
 * @packageDocumentation
 */
import { html, nothing, type TemplateResult } from 'lit';
import { registerEnglish, t } from '../controllers/localize.js';
import { enComposing } from '../locales/en-composing.js';
import { findLinks, reportLink, type LinkReport } from './linkify.js';

registerEnglish(enComposing);

/** The words after a link's text: its destination, or the mismatch warning. */
function badgeText(report: LinkReport): string | undefined {
  if (report.mismatch) return t('link.mismatch', report.mismatch);
  return report.destination;
}

function badge(report: LinkReport): TemplateResult | typeof nothing {
  const text = badgeText(report);
  if (text === undefined) return nothing;
  return report.mismatch
    ? html`<span class="link-host link-warning" part="link-warning"> (<span aria-hidden="true">⚠ </span>${text})</span>`
    : html`<span class="link-host" part="link-host"> (${text})</span>`;
}

/**
 * Plain text as template parts with its links clickable, each followed by where it really
 * goes (or the mismatch warning). `plain` renders the text pieces (e.g. to mark find
 * matches); by default they are plain text bindings.
 */
export function linkedText(text: string, plain: (part: string) => unknown = (part) => part): unknown {
  const links = findLinks(text);
  if (links.length === 0) return plain(text);
  const parts: unknown[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start > at) parts.push(plain(text.slice(at, link.start)));
    const shown = text.slice(link.start, link.end);
    const report = reportLink(shown, link.href);
    parts.push(
      html`<a class="link ${report.mismatch ? 'flagged' : ''}" part="link" href=${link.href} target="_blank" rel="noopener noreferrer">${plain(shown)}${badge(report)}</a>`,
    );
    at = link.end;
  }
  if (at < text.length) parts.push(plain(text.slice(at)));
  return parts;
}

/**
 * Adds the destination (or mismatch warning) to each link of a sanitized fragment, as text
 * nodes in spans with fixed classes: nothing from the input becomes markup.
 */
export function decorateLinks(fragment: DocumentFragment): void {
  for (const a of fragment.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    const report = reportLink(a.textContent ?? '', href);
    const text = badgeText(report);
    a.classList.add('link');
    if (text === undefined) continue;
    const span = document.createElement('span');
    span.className = report.mismatch ? 'link-host link-warning' : 'link-host';
    span.setAttribute('part', report.mismatch ? 'link-warning' : 'link-host');
    if (report.mismatch) {
      a.classList.add('flagged');
      const sign = document.createElement('span');
      sign.setAttribute('aria-hidden', 'true');
      sign.textContent = '⚠ ';
      span.append(' (', sign, `${text})`);
    } else {
      span.append(` (${text})`);
    }
    a.append(span);
  }
}
