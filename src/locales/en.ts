import { enCore } from './en-core.js';
import { enDialogs } from './en-dialogs.js';
import { enEmail } from './en-email.js';
import { enShortcutHelp } from './en-shortcut-help.js';
import { enConsult } from './en-consult.js';
import { enCustomer } from './en-customer.js';
import { enWrapup } from './en-wrapup.js';
import { enCompose } from './en-compose.js';
import { enComposing } from './en-composing.js';

/**
 * English strings, complete. The keys are the catalogue every locale must fill:
 * `zh-CN.ts` is typed against them, so a missing key fails the type check.
 * `{name}` placeholders are filled by `t(key, { name })`.
 *
 * Elements do not import this module: the strings every element needs are in
 * `en-core.ts`, and the email widget, the dialogs and the shortcut help register
 * their own part when they load, so a page carries only what it shows.
 */
export const en = { ...enCore, ...enEmail, ...enDialogs, ...enShortcutHelp, ...enCustomer, ...enConsult, ...enWrapup, ...enCompose, ...enComposing } as const;

/** A key of the string catalogue. */
export type MessageKey = keyof typeof en;

/** A complete catalogue: every key, translated. */
export type Messages = { readonly [K in MessageKey]: string };
