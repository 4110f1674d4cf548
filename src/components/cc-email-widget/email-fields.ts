/**
 * The composer shown up front: the quick reply box, and what stands in for the composer
 * once the interaction is closed, as functions of their state. The standard reply's
 * fields are in `email-reply-fields.ts`.
 * @packageDocumentation
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../controllers/localize.js';
import type { ComposerTools } from '../shared/composer-tools.js';
import type { InteractionStatus } from '../../core/types.js';
import { typedDirection } from '../shared/text-direction.js';

/** What the quick reply box shows and how it reports the agent's actions. */
export interface QuickReplyState {
  readonly text: string;
  readonly sending: boolean;
  readonly ready: boolean;
  /** Id of the element explaining why the text is invalid (card numbers, R-MAIL-16). */
  readonly invalidBy: string | undefined;
  readonly input: (text: string) => void;
  readonly keydown: (e: KeyboardEvent) => void;
  readonly send: () => void;
  readonly notices: TemplateResult;
  /** Quick responses by `/` and the emoji picker, on this box. */
  readonly tools: ComposerTools;
}

/** The quick reply (R-MAIL-03): a plain-text box answering the sender, and Send. */
export function quickReplyBox(state: QuickReplyState): TemplateResult {
  const quick = state.tools.quick.boxAria();
  return html`<div class="composer quick" part="composer">
    <div class="tools">${state.tools.emoji.render()}</div>
    ${state.tools.quick.render()}
    <label class="visually-hidden" for="quick">${t('email.quickReply')}</label>
    <textarea
      id="quick"
      part="quick-reply"
      dir=${ifDefined(typedDirection(state.text))}
      rows="3"
      placeholder=${t('email.quickReply')}
      .value=${state.text}
      ?readonly=${state.sending}
      aria-invalid=${state.invalidBy ? 'true' : 'false'}
      aria-describedby=${state.invalidBy ?? nothing}
      aria-autocomplete=${ifDefined(quick.autocomplete)}
      aria-controls=${quick.controls}
      aria-activedescendant=${quick.activedescendant}
      @input=${(e: InputEvent) => {
        state.input((e.target as HTMLTextAreaElement).value);
        state.tools.quick.onInput();
      }}
      @keydown=${(e: KeyboardEvent) => {
        state.tools.quick.onKeydown(e);
        if (!e.defaultPrevented) state.keydown(e);
      }}
      @blur=${state.tools.quick.close}
    ></textarea>
    <button class="btn send" part="send" ?disabled=${!state.ready} @click=${state.send}>${t('send')}</button>
    ${state.notices}
  </div>`;
}

/** What stands in for the composer once the interaction is no longer active: wrap-up (with its button) or not accepted. */
export function closedComposer(status: InteractionStatus, openWrapup: () => void): TemplateResult {
  if (status === 'wrapup') {
    return html`<div class="ended" part="ended">
      <p role="status">${t('email.ended')}</p>
      <button class="btn secondary" @click=${openWrapup}>${t('email.wrapup')}</button>
    </div>`;
  }
  return html`<p class="ended" part="ended">${t('email.notAccepted')}</p>`;
}
