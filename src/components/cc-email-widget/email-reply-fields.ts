/**
 * The To, Cc, Bcc and Subject fields of a standard reply, as functions of their state.
 * @packageDocumentation
 */
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, nothing, type TemplateResult } from 'lit';
import { t } from '../../controllers/localize.js';
import { typedDirection } from '../shared/text-direction.js';

/** A field of the standard reply's header. */
export type Field = 'to' | 'cc' | 'bcc' | 'subject';

const LABELS = { to: 'email.to', cc: 'email.cc', bcc: 'email.bcc', subject: 'email.subject' } as const;

/** What a field shows and how it reports the agent's changes. */
export interface FieldState {
  readonly value: string;
  /** Whether the mode lets the agent change it (R-MAIL-07…10). */
  readonly editable: boolean;
  /** Addresses that are not well formed (R-MAIL-11). */
  readonly invalid: readonly string[];
  /** The agent is in the field: its errors wait until they leave it. */
  readonly editing: boolean;
  readonly focus: () => void;
  readonly blur: () => void;
  readonly input: (value: string) => void;
  readonly keydown: (e: KeyboardEvent) => void;
}

/** The To, Cc, Bcc or Subject field with its label and, once the agent has left it, its address errors. */
export function composeField(field: Field, state: FieldState): TemplateResult {
  const invalid = state.invalid;
  const label = t(LABELS[field]);
  const showErrors = invalid.length > 0 && !state.editing;
  return html`<div class="field">
    <label for=${field}>${label}</label>
    <input
      id=${field}
      type="text"
      dir=${ifDefined(typedDirection(state.value))}
      autocomplete="off"
      spellcheck="false"
      inputmode=${field === 'subject' ? 'text' : 'email'}
      .value=${state.value}
      ?readonly=${!state.editable}
      aria-invalid=${showErrors ? 'true' : 'false'}
      aria-describedby=${showErrors ? `${field}-errors` : field === 'to' && state.editable ? 'to-hint' : nothing}
      @focus=${state.focus}
      @blur=${state.blur}
      @input=${(e: InputEvent) => state.input((e.target as HTMLInputElement).value)}
      @keydown=${state.keydown}
    />
    ${showErrors
      ? html`<div class="error field-errors" part="error" id="${field}-errors" role="alert">
          ${invalid.map((address) => html`<p>${t('email.invalidAddress', { address, field: label })}</p>`)}
        </div>`
      : nothing}
  </div>`;
}
