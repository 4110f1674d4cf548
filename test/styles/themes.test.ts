import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import { THEME_TOKENS, type ThemeToken } from '../../src/styles/themes.js';
import { tokens } from '../../src/styles/tokens.js';
import { createWorld, disposeWorlds, until } from '../helpers/world.js';

const COLOURS = THEME_TOKENS.filter((t) => t.dark !== t.light);
const byName = new Map(THEME_TOKENS.map((t) => [t.name, t]));

function token(name: string): ThemeToken {
  const found = byName.get(name as ThemeToken['name']);
  if (!found) throw new Error(`no token ${name}`);
  return found;
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Foreground / background pairs the elements draw, with the WCAG AA minimum: 4.5:1 for
 * text (1.4.3), 3:1 for the focus ring and state dots (1.4.11).
 */
const PAIRS: readonly (readonly [string, string, number])[] = [
  ['--cc-color-text', '--cc-color-surface', 4.5],
  ['--cc-color-text', '--cc-color-surface-alt', 4.5],
  ['--cc-color-text-muted', '--cc-color-surface', 4.5],
  ['--cc-color-text-muted', '--cc-color-surface-alt', 4.5],
  ['--cc-color-primary', '--cc-color-surface', 4.5],
  ['--cc-color-primary', '--cc-color-surface-alt', 4.5],
  ['--cc-color-on-primary', '--cc-color-primary', 4.5],
  ['--cc-color-on-primary', '--cc-color-primary-hover', 4.5],
  ['--cc-color-on-primary', '--cc-color-danger', 4.5],
  ['--cc-color-danger', '--cc-color-surface', 4.5],
  ['--cc-color-danger', '--cc-color-surface-alt', 4.5],
  ['--cc-color-success', '--cc-color-surface', 4.5],
  ['--cc-color-warning', '--cc-color-surface', 4.5],
  ['--cc-color-warning', '--cc-color-surface-alt', 4.5],
  ['--cc-color-on-customer-bubble', '--cc-color-customer-bubble', 4.5],
  ['--cc-color-on-agent-bubble', '--cc-color-agent-bubble', 4.5],
  ['--cc-color-on-avatar', '--cc-color-avatar', 4.5],
  ['--cc-color-on-disabled', '--cc-color-disabled', 4.5],
  ['--cc-color-focus', '--cc-color-surface', 3],
  ['--cc-color-focus', '--cc-color-surface-alt', 3],
];

/** The rules of a stylesheet text, as the browser parses them. */
function parse(text: string): CSSRule[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules];
}

function declarations(rule: CSSRule | undefined): Map<string, string> {
  if (!(rule instanceof CSSStyleRule)) throw new Error('expected a style rule');
  return new Map([...rule.style].map((name) => [name, rule.style.getPropertyValue(name).trim()]));
}

/** The resolved value of an element-private alias on `el`. */
const resolved = (el: Element, alias: string): string => getComputedStyle(el).getPropertyValue(alias).trim();

describe('R-X-03 theming: tokens, light and dark schemes', () => {
  afterEach(async () => {
    disposeWorlds();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('R-X-03: tokens.ts falls back to the light values of THEME_TOKENS', () => {
    for (const t of THEME_TOKENS) {
      expect(tokens.cssText, `${t.alias} in tokens.ts`).to.contain(`${t.alias}: var(${t.name}, ${t.light});`);
    }
  });

  it('R-X-03: themes.css sets exactly the THEME_TOKENS values for [theme=light], [theme=dark] and [theme=auto] in a dark system', async () => {
    const rules = parse(await (await fetch('/src/styles/themes.css')).text());
    const light = rules.find((r) => r instanceof CSSStyleRule && r.selectorText === '[theme="light"]');
    const dark = rules.find((r) => r instanceof CSSStyleRule && r.selectorText === '[theme="dark"]');
    const media = rules.find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === '(prefers-color-scheme: dark)');
    const auto = [...(media?.cssRules ?? [])].find((r) => r instanceof CSSStyleRule && r.selectorText === '[theme="auto"]');
    const expected = (scheme: 'light' | 'dark'): string[] =>
      [`color-scheme: ${scheme}`, ...COLOURS.map((t) => `${t.name}: ${t[scheme]}`)].sort();
    const actual = (rule: CSSRule | undefined): string[] => [...declarations(rule)].map(([name, value]) => `${name}: ${value}`).sort();
    const hint = 'src/styles/themes.css must hold the THEME_TOKENS values of src/styles/themes.ts';
    expect(actual(light), hint).to.deep.equal(expected('light'));
    expect(actual(dark), hint).to.deep.equal(expected('dark'));
    expect(actual(auto), hint).to.deep.equal(expected('dark'));
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`R-X-02, R-X-03: the ${scheme} scheme meets WCAG AA contrast`, () => {
      const failures = PAIRS.flatMap(([fg, bg, minimum]) => {
        const ratio = contrast(token(fg)[scheme], token(bg)[scheme]);
        return ratio >= minimum ? [] : [`${fg} on ${bg}: ${ratio.toFixed(2)}:1 < ${minimum}:1`];
      });
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }

  it('R-X-03: theme="dark" on an element darkens it and the elements in its shadow tree; host tokens still win', async () => {
    const { store } = createWorld();
    const root = await fixture<HTMLElement>(html`<div style="--cc-color-primary: #6b2fbf">
      <cc-chat-widget theme="dark" .store=${store}></cc-chat-widget>
      <cc-chat-widget .store=${store}></cc-chat-widget>
    </div>`);
    const [dark, light] = [...root.querySelectorAll('cc-chat-widget')];
    if (!dark || !light) throw new Error('fixture incomplete');
    expect(resolved(dark, '--_cc-surface')).to.equal(token('--cc-color-surface').dark);
    expect(resolved(dark, '--_cc-text')).to.equal(token('--cc-color-text').dark);
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    expect(resolved(light, '--_cc-surface')).to.equal(token('--cc-color-surface').light);
    expect(resolved(dark, '--_cc-primary'), 'the host’s own primary').to.equal('#6b2fbf');
  });

  it('R-X-03: an element nested in a themed element follows it (the template picker in a dark chat pane)', async () => {
    const world = createWorld();
    const id = world.simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi' });
    await world.store.accept(id);
    const el = await fixture<HTMLElement>(html`<cc-chat-widget theme="dark" .store=${world.store} channel="webchat"></cc-chat-widget>`);
    await until(() => el.shadowRoot?.querySelector('cc-template-picker') != null, 'the template picker');
    const picker = el.shadowRoot?.querySelector('cc-template-picker');
    if (!picker) throw new Error('no template picker');
    expect(resolved(picker, '--_cc-surface')).to.equal(token('--cc-color-surface').dark);
    expect(resolved(picker, '--_cc-primary')).to.equal(token('--cc-color-primary').dark);
  });

  it('R-X-03: theme="auto" follows prefers-color-scheme', async () => {
    const el = await fixture<HTMLElement>(html`<cc-agent-state theme="auto" .store=${createWorld().store}></cc-agent-state>`);
    await emulateMedia({ colorScheme: 'dark' });
    await until(() => resolved(el, '--_cc-surface') === token('--cc-color-surface').dark, 'dark under a dark system');
    await emulateMedia({ colorScheme: 'light' });
    await until(() => resolved(el, '--_cc-surface') === token('--cc-color-surface').light, 'light under a light system');
  });

  it('R-X-03: theme="dark" on <cc-provider> themes the slotted widgets', async () => {
    const { store } = createWorld();
    const root = await fixture<HTMLElement>(html`<cc-provider theme="dark" .store=${store}><cc-task-list></cc-task-list></cc-provider>`);
    const list = root.querySelector('cc-task-list');
    if (!list) throw new Error('no task list');
    expect(resolved(list, '--_cc-surface')).to.equal(token('--cc-color-surface').dark);
    expect(resolved(list, '--_cc-danger')).to.equal(token('--cc-color-danger').dark);
  });

  it('R-X-03: with themes.css, theme="dark" on any ancestor darkens every element inside, and theme="light" inside restores light', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(await (await fetch('/src/styles/themes.css')).text());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const { store } = createWorld();
      const root = await fixture<HTMLElement>(html`<section theme="dark">
        <cc-contact-request .store=${store}></cc-contact-request>
        <div theme="light"><cc-agent-state .store=${store}></cc-agent-state></div>
      </section>`);
      const request = root.querySelector('cc-contact-request');
      const state = root.querySelector('cc-agent-state');
      if (!request || !state) throw new Error('fixture incomplete');
      for (const t of COLOURS) expect(resolved(request, t.alias), t.name).to.equal(t.dark);
      for (const t of COLOURS) expect(resolved(state, t.alias), t.name).to.equal(t.light);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });
});
