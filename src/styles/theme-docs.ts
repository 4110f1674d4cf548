/**
 * What each public `--cc-*` token paints, for the theming guide (Storybook) and the
 * README. Kept apart from `themes.ts`, which every element loads, so that these sentences
 * are not shipped to browsers. A test checks that every token has one.
 */
import type { ThemeToken } from './themes.js';

export const THEME_TOKEN_DESCRIPTIONS: Readonly<Record<ThemeToken['name'], string>> = {
  '--cc-font-family': 'Font of every element (Chinese system fonts included).',
  '--cc-font-size': 'Base font size.',
  '--cc-radius': 'Corner radius of panes, cards and bubbles (buttons use half).',
  '--cc-space': 'Spacing unit; paddings and gaps are multiples of it.',
  '--cc-color-surface': 'Background of panes, cards, dialogs and inputs.',
  '--cc-color-surface-alt': 'Headers, key caps, grey email surfaces.',
  '--cc-color-text': 'Body text.',
  '--cc-color-text-muted': 'Labels, timers, counters, hints.',
  '--cc-color-border': 'Decorative borders and dividers (panes, cards, separators).',
  '--cc-color-field-border': 'Borders of form fields (inputs, text areas, selects, searchboxes, listboxes, the email editor): at least 3:1 against the surfaces (WCAG 1.4.11).',
  '--cc-color-primary': 'Primary buttons, links, accents.',
  '--cc-color-on-primary': 'Text on primary (and danger) backgrounds.',
  '--cc-color-primary-hover': 'Primary buttons under the pointer.',
  '--cc-color-customer-bubble': 'Customer message bubbles.',
  '--cc-color-peer-bubble': 'Message bubbles of another agent in a conference.',
  '--cc-color-on-peer-bubble': 'Text in another agent’s bubbles.',
  '--cc-color-on-customer-bubble': 'Text in customer bubbles.',
  '--cc-color-agent-bubble': 'This agent’s message bubbles.',
  '--cc-color-on-agent-bubble': 'Text in agent bubbles.',
  '--cc-color-avatar': 'Initials avatar background.',
  '--cc-color-on-avatar': 'Initials text.',
  '--cc-color-danger': 'Errors, failed messages, End buttons, unread badges.',
  '--cc-color-success': 'Available state, success messages.',
  '--cc-color-warning': 'Idle state, warnings.',
  '--cc-color-focus': 'Focus ring (2px outline).',
  '--cc-color-disabled': 'Disabled button background.',
  '--cc-color-on-disabled': 'Disabled button text.',
  '--cc-email-body-background': 'Background ("paper") of email bodies and the email editor, light in both schemes.',
  '--cc-email-body-color': 'Text of email bodies and the email editor.',
  '--cc-email-body-link': 'Links and focus rings on the email paper.',
  '--cc-email-grey-surface': 'Email bodies, the email editor and the quick reply box in light-grey mode.',
  '--cc-email-grey-text': 'Their text in light-grey mode.',
};
