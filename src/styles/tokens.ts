import { css } from 'lit';
import { schemes } from './themes.js';

/**
 * Design tokens. Hosts theme the widgets by setting the public `--cc-*` custom
 * properties on any ancestor; elements read them through private `--_cc-*` aliases
 * that hold the defaults, so an unset token falls back to the light scheme. The
 * `theme` attribute (`dark`, `auto`, `light`) picks the scheme per element (`themes.ts`);
 * the values here must match `THEME_TOKENS` there (checked by test/styles/themes.test.ts).
 */
export const tokens = css`
  :host {
    --_cc-font: var(--cc-font-family, system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif);
    --_cc-font-size: var(--cc-font-size, 14px);
    --_cc-radius: var(--cc-radius, 8px);
    --_cc-space: var(--cc-space, 8px);
    --_cc-surface: var(--cc-color-surface, #ffffff);
    --_cc-surface-alt: var(--cc-color-surface-alt, #f4f5f7);
    --_cc-text: var(--cc-color-text, #1b1d21);
    --_cc-text-muted: var(--cc-color-text-muted, #545a66);
    --_cc-border: var(--cc-color-border, #c9ced6);
    --_cc-field-border: var(--cc-color-field-border, #7d838f);
    --_cc-primary: var(--cc-color-primary, #0a5bd3);
    --_cc-on-primary: var(--cc-color-on-primary, #ffffff);
    --_cc-primary-hover: var(--cc-color-primary-hover, #084aad);
    --_cc-customer-bubble: var(--cc-color-customer-bubble, #e8eaed);
    --_cc-on-customer-bubble: var(--cc-color-on-customer-bubble, #1b1d21);
    --_cc-peer-bubble: var(--cc-color-peer-bubble, #dcefe6);
    --_cc-on-peer-bubble: var(--cc-color-on-peer-bubble, #1b1d21);
    --_cc-agent-bubble: var(--cc-color-agent-bubble, #0a5bd3);
    --_cc-on-agent-bubble: var(--cc-color-on-agent-bubble, #ffffff);
    --_cc-avatar: var(--cc-color-avatar, #5d6470);
    --_cc-on-avatar: var(--cc-color-on-avatar, #ffffff);
    --_cc-danger: var(--cc-color-danger, #c4122f);
    --_cc-success: var(--cc-color-success, #17753a);
    --_cc-warning: var(--cc-color-warning, #a65700);
    --_cc-focus: var(--cc-color-focus, #0a5bd3);
    --_cc-disabled-bg: var(--cc-color-disabled, #e3e5e8);
    --_cc-disabled-text: var(--cc-color-on-disabled, #5f6570);
    --_cc-email-body-bg: var(--cc-email-body-background, #ffffff);
    --_cc-email-body-text: var(--cc-email-body-color, #1b1d21);
    --_cc-email-body-link: var(--cc-email-body-link, #0a5bd3);
    --_cc-email-grey-surface: var(--cc-email-grey-surface, #f4f5f7);
    --_cc-email-grey-text: var(--cc-email-grey-text, #545a66);
    font-family: var(--_cc-font);
    font-size: var(--_cc-font-size);
    color: var(--_cc-text);
  }
  ${schemes}
`;

/**
 * Shared control styles: buttons, visible focus, visually hidden text. A `.btn` is filled
 * with the primary colour (darker on hover and while pressed); `.btn.secondary` is
 * outlined: primary text on the surface, on a light tint on hover and while pressed.
 * Every state meets WCAG AA text contrast in both schemes (test/styles/button-contrast.test.ts).
 */
export const controls = css`
  .btn {
    font: inherit;
    border-radius: calc(var(--_cc-radius) / 2);
    border: 1px solid var(--_cc-primary);
    background: var(--_cc-primary);
    color: var(--_cc-on-primary);
    padding: calc(var(--_cc-space) * 0.75) calc(var(--_cc-space) * 1.5);
    cursor: pointer;
    min-height: 32px;
  }
  .btn:hover:not(:disabled) {
    background: var(--_cc-primary-hover);
    border-color: var(--_cc-primary-hover);
  }
  .btn.secondary {
    background: var(--_cc-surface);
    color: var(--_cc-primary);
  }
  /* An outlined button keeps its text colour on a light tint: never primary text on a primary fill. */
  .btn.secondary:hover:not(:disabled) {
    background: var(--_cc-surface-alt);
    border-color: var(--_cc-primary-hover);
    color: var(--_cc-primary-hover);
  }
  /* A disabled button of any variant (the panes' .danger too) looks disabled. */
  .btn:disabled,
  .btn.secondary:disabled,
  .btn.danger:disabled {
    background: var(--_cc-disabled-bg);
    border-color: var(--_cc-disabled-bg);
    color: var(--_cc-disabled-text);
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--_cc-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
