import { css, html, nothing, unsafeCSS, type TemplateResult } from 'lit';
import { AsyncDirective, PartType, directive, type DirectiveResult, type Part, type PartInfo } from 'lit/async-directive.js';
import { BLOCKED_IMAGE_ATTRIBUTE } from '../../content/blocked-image.js';
import type { EmailSanitizeResult } from '../../content/sanitize.js';
import { getLocale, t } from '../../controllers/localize.js';
import type { EmailMessage } from '../../core/types.js';
import { emailText } from './email-html.js';
import { sanitizer } from './email-sanitizer.js';

/**
 * The body frame's sandbox. No `allow-scripts`: nothing in an email runs, even markup a
 * sanitizer bug let through. `allow-same-origin` (safe without scripts: the document
 * itself can do nothing with the origin) lets the pane style, size and read the
 * document; the popup flags let links open in a new tab, outside the sandbox.
 */
export const EMAIL_FRAME_SANDBOX = 'allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * Styles inside an email document, adopted as a constructed stylesheet (which no CSP
 * refuses). The pane passes its paper colours and font as properties of the root: nothing
 * inherits into a frame.
 */
const documentStyles = css`
  :root {
    background: transparent;
    /* Wide emails scroll sideways; the frame takes the document's height, so never vertically. */
    overflow: auto hidden;
  }
  body {
    display: flow-root;
    margin: 0;
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
    border: 1px dashed var(--cc-email-border);
  }
  a {
    color: var(--cc-email-link);
  }
  :focus-visible {
    outline: 2px solid var(--cc-email-link);
    outline-offset: 2px;
  }
`;

/** What an email body shows: sanitized HTML, plain text, or `null` when it could not be prepared. */
export type EmailBodyContent = EmailSanitizeResult | string | null;

/** Options of {@link emailBody}. */
export interface EmailBodyOptions {
  /** Names the frame for assistive technology, e.g. "Email from X: subject". */
  readonly title: string;
  /** The agent allowed this email's remote images (the result was sanitized with them). */
  readonly allowRemoteImages: boolean;
  /** The email's source, offered as plain text when the body cannot be shown. */
  readonly original: string;
}

type FrameWindow = Window & typeof globalThis;

class EmailBodyDirective extends AsyncDirective {
  #frame: HTMLIFrameElement | undefined;
  #content: EmailBodyContent | undefined;
  #original = '';
  #failed = false;
  #showOriginal = false;
  #observer: ResizeObserver | undefined;
  #fitting: ReturnType<typeof setTimeout> | undefined;
  /** The paper properties last given to the frame's document. */
  #paper = '';

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) throw new Error('emailBody() can only be used in child position');
  }

  render(_content: EmailBodyContent, _options: EmailBodyOptions): typeof nothing {
    return nothing;
  }

  override update(_part: Part, [content, options]: Parameters<this['render']>): unknown {
    this.#original = options.original;
    const changed = content !== this.#content;
    if (changed) {
      this.#content = content;
      this.#failed = false;
      this.#showOriginal = false;
    }
    if (typeof content === 'string') return html`<div class="text">${content}</div>`;
    if (content === null || content.failed || this.#failed) return this.#placeholder();
    const frame = (this.#frame ??= this.#createFrame());
    frame.title = options.title;
    if (changed) {
      // The document being replaced is no longer watched.
      this.#observer?.disconnect();
      try {
        sanitizer().setEmailDocument(frame, content, { title: options.title, lang: getLocale(), allowRemoteImages: options.allowRemoteImages });
      } catch {
        // This email alone shows the placeholder; the thread and later emails go on.
        return this.#fail();
      }
    }
    this.#paint();
    return frame;
  }

  protected override disconnected(): void {
    this.#observer?.disconnect();
  }

  protected override reconnected(): void {
    const doc = this.#frame?.contentDocument;
    if (doc) this.#observer?.observe(doc.documentElement);
  }

  #createFrame(): HTMLIFrameElement {
    const frame = document.createElement('iframe');
    frame.className = 'frame';
    // Before the first navigation: the sandbox applies to the document the frame loads.
    frame.setAttribute('sandbox', EMAIL_FRAME_SANDBOX);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    // The document is light (its meta color-scheme): with the same scheme outside, the frame stays
    // transparent on the pane's paper instead of painting a backdrop in the dark scheme.
    frame.style.colorScheme = 'light';
    frame.addEventListener('load', () => this.#loaded(frame));
    return frame;
  }

  /** Every load (a new srcdoc, or the frame moved in the DOM) brings a new document: style and watch it. */
  #loaded(frame: HTMLIFrameElement): void {
    if (frame !== this.#frame || this.#failed) return;
    try {
      const doc = frame.contentDocument;
      const view = frame.contentWindow;
      if (!doc || !view) return;
      sanitizer().applyDeferredStyles(doc);
      // An email that does not state its direction takes it from its own text (R-COMP-07), whatever the
      // pane's locale: set on the body, as the head's title is in the pane's language.
      if (!doc.documentElement.hasAttribute('dir') && !doc.body.hasAttribute('dir')) doc.body.dir = 'auto';
      // A constructed stylesheet belongs to one document's realm: make it with the frame's constructor.
      const sheet = new (view as FrameWindow).CSSStyleSheet();
      sheet.replaceSync(documentStyles.cssText);
      doc.adoptedStyleSheets = [sheet];
      this.#paper = '';
      this.#paint();
      this.#observer?.disconnect();
      // The frame's own observer: it goes with its document, whatever replaces that document.
      // Resized in a task of its own: a size set inside the callback would resize what is observed within the same frame.
      this.#observer = new (view as FrameWindow).ResizeObserver(() => {
        clearTimeout(this.#fitting);
        this.#fitting = setTimeout(() => this.#fit());
      });
      this.#observer.observe(doc.documentElement);
      this.#fit();
    } catch {
      this.setValue(this.#fail());
    }
  }

  /** The frame's height follows its document's, so the frame never scrolls vertically. */
  #fit(): void {
    const frame = this.#frame;
    const doc = frame?.contentDocument;
    const view = frame?.contentWindow;
    // Between two documents (a new srcdoc loading) there may be no root to measure.
    const root: HTMLElement | null = doc?.documentElement ?? null;
    if (!frame || !root || !view) return;
    // A horizontal scrollbar (a wide email) takes height from the view: add it.
    const scrollbar = Math.max(0, view.innerHeight - root.clientHeight);
    const height = `${Math.ceil(root.getBoundingClientRect().height) + scrollbar}px`;
    if (frame.style.height !== height) frame.style.height = height;
  }

  /** Gives the document the pane's paper: its colours (light-grey mode included) and font. */
  #paint(): void {
    const frame = this.#frame;
    const root = frame?.contentDocument?.documentElement;
    const container = frame?.parentElement;
    if (!frame?.isConnected || !root || !container) return;
    const style = getComputedStyle(container);
    const paper: [string, string][] = [
      ['color', style.color],
      ['font-family', style.fontFamily],
      ['font-size', style.fontSize],
      ['line-height', style.lineHeight],
      ['--cc-email-link', style.getPropertyValue('--_cc-email-body-link').trim()],
      ['--cc-email-border', style.getPropertyValue('--_cc-border').trim()],
    ];
    const key = paper.join(';');
    if (key === this.#paper) return;
    this.#paper = key;
    for (const [name, value] of paper) root.style.setProperty(name, value);
  }

  #fail(): TemplateResult {
    this.#failed = true;
    this.#observer?.disconnect();
    return this.#placeholder();
  }

  #placeholder(): TemplateResult {
    const toggle = (): void => {
      this.#showOriginal = !this.#showOriginal;
      this.setValue(this.#placeholder());
    };
    return html`<div class="unavailable">
      <p>${t('email.unavailable')}</p>
      <button type="button" class="link-btn" aria-expanded=${this.#showOriginal ? 'true' : 'false'} @click=${toggle}>${t('email.viewOriginal')}</button>
      ${this.#showOriginal ? html`<pre class="original">${this.#original}</pre>` : nothing}
    </div>`;
  }
}

/**
 * Child directive for one email body: `<div class="body">${emailBody(content, options)}</div>`.
 * Sanitized HTML goes into a sandboxed `<iframe srcdoc>` (no scripts; its own CSP; remote
 * images only once allowed; links to a new tab) that takes its document's height, on the
 * pane's paper; plain text is shown as text. A body that cannot be shown safely becomes a
 * placeholder offering **View original email** as plain text, and nothing is thrown: the
 * rest of the pane keeps working.
 */
export const emailBody: (content: EmailBodyContent, options: EmailBodyOptions) => DirectiveResult<typeof EmailBodyDirective> =
  directive(EmailBodyDirective);

/** The summary line of a collapsed email; a localised note when its text cannot be read. */
export function emailSnippet(email: Pick<EmailMessage, 'html' | 'text'>): string {
  try {
    return emailText(email).replace(/\s+/g, ' ').slice(0, 160);
  } catch {
    return t('email.unavailable');
  }
}
