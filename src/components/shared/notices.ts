import { html, type TemplateResult } from 'lit';

/** A message under a composer: an error (announced at once) or a status note. */
export interface Notice {
  readonly kind: 'error' | 'status';
  readonly text: string;
}

/** The notices under a composer, one line each, errors as alerts and status notes as polite statuses. */
export function noticeLines(notices: readonly Notice[]): TemplateResult[] {
  return notices.map((n) => {
    const kind = n.kind === 'error' ? 'error' : 'status';
    return html`<p class=${kind} part=${kind} role=${n.kind === 'error' ? 'alert' : 'status'}>${n.text}</p>`;
  });
}

/** `notices` with `notice` added last, replacing one with the same text. */
export function withNotice(notices: readonly Notice[], notice: Notice): readonly Notice[] {
  return [...notices.filter((n) => n.text !== notice.text), notice];
}
