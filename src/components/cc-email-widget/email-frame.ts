import { adoptStyles, css, html, noChange, nothing, render, unsafeCSS } from 'lit';
import { Directive, PartType, directive, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';
import { sanitizedEmail } from '../../content/markdown.js';
import { BLOCKED_IMAGE_ATTRIBUTE, type EmailSanitizeResult } from '../../content/sanitize.js';

/**
 * Styles inside an email body's own shadow root. None of the widget's styles reach the
 * email (its tables and inline styles render as the sender wrote them) and nothing in
 * the email can select anything outside it. Inherited properties (font, the paper's
 * colours, the light-grey mode) still flow in from the container.
 */
const frameStyles = css`
  .html {
    overflow-wrap: anywhere;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  img {
    max-width: 100%;
    height: auto;
  }
  img[${unsafeCSS(BLOCKED_IMAGE_ATTRIBUTE)}] {
    display: inline-block;
    min-width: 24px;
    min-height: 24px;
    border: 1px dashed var(--_cc-border);
  }
  /* The body sits on the email paper (light in both schemes): links and focus rings use its colour. */
  a {
    color: var(--_cc-email-body-link);
  }
  :focus-visible {
    outline: 2px solid var(--_cc-email-body-link);
    outline-offset: 2px;
  }
`;

/** What an email body shows: sanitized HTML (a result of `sanitizeEmailHtml`) or plain text. */
export type EmailFrameContent = EmailSanitizeResult | string;

class EmailFrameDirective extends Directive {
  #content: EmailFrameContent | undefined;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('emailFrame() can only be used on an element');
  }

  render(_content: EmailFrameContent): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [content]: Parameters<this['render']>): typeof noChange {
    if (content === this.#content) return noChange;
    this.#content = content;
    const host = part.element;
    let root = host.shadowRoot;
    if (!root) {
      root = host.attachShadow({ mode: 'open' });
      adoptStyles(root, [frameStyles]);
    }
    render(
      typeof content === 'string' ? html`<div class="text">${content}</div>` : html`<div class="html">${sanitizedEmail(content)}</div>`,
      root,
    );
    return noChange;
  }
}

/**
 * Element directive: renders an email body into the element's own (open) shadow root,
 * `<div class="body" ${emailFrame(result)}></div>`. The HTML form takes a result of the
 * one email sanitizer (`sanitizeEmailHtml`), cloned by the `sanitizedEmail` directive.
 * Each email gets its own root, so one email's markup can neither style nor be styled
 * by the page, the widget or another email; the container's `contain: paint` and
 * `overflow: auto` keep what it draws inside its box.
 */
export const emailFrame: (content: EmailFrameContent) => DirectiveResult<typeof EmailFrameDirective> = directive(EmailFrameDirective);
