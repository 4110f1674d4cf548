import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../controllers/localize.js';
import { elapsed } from './elapsed.js';

/** One labelled value in a pane's header. */
export interface PaneFact {
  readonly label: string;
  readonly value: unknown;
}

/** What a conversation pane's header shows. */
export interface PaneHeaderContent {
  /** The heading that names the pane. */
  readonly title: unknown;
  /** The labelled values under the heading, before the timer. */
  readonly facts: readonly PaneFact[];
  /** When the timer starts (epoch ms). */
  readonly since: number;
  /** The pane's action buttons and the name of their group; no group without them. */
  readonly actions?: { readonly label: string; readonly buttons: unknown } | undefined;
  /** Lines after the actions: notices of what the actions did. */
  readonly after?: unknown;
}

/**
 * A conversation pane's header: the heading, the labelled facts ending with a ticking
 * timer, the group of action buttons, then notices. A group, not a banner landmark: a page
 * can hold several panes (R-X-02).
 */
export function paneHeader({ title, facts, since, actions, after }: PaneHeaderContent): TemplateResult {
  return html`<header part="header" role="group" aria-labelledby="pane-title">
    <h2 id="pane-title" dir="auto">${title}</h2>
    <dl>
      ${facts.map((f) => html`<div><dt>${f.label}</dt><dd dir="auto">${f.value}</dd></div>`)}
      <div>
        <dt>${t('chat.duration')}</dt>
        <dd><span class="timer" role="timer" dir="ltr">${elapsed(since)}</span></dd>
      </div>
    </dl>
    ${actions ? html`<div class="actions" part="actions" role="group" aria-label=${actions.label}>${actions.buttons}</div>` : nothing}
    ${after ?? nothing}
  </header>`;
}
