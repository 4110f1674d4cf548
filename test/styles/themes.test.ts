import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CcEmailWidget } from '../../src/components/cc-email-widget/cc-email-widget.js';
import type { CcTemplatePicker } from '../../src/components/cc-template-picker/cc-template-picker.js';
import { THEME_TOKEN_DESCRIPTIONS } from '../../src/styles/theme-docs.js';
import { THEME_TOKENS, type ThemeToken } from '../../src/styles/themes.js';
import { tokens } from '../../src/styles/tokens.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until, untilState } from '../helpers/world.js';

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
  // An outlined button on hover: the darker primary on the light tint.
  ['--cc-color-primary-hover', '--cc-color-surface-alt', 4.5],
  ['--cc-color-on-primary', '--cc-color-danger', 4.5],
  ['--cc-color-danger', '--cc-color-surface', 4.5],
  ['--cc-color-danger', '--cc-color-surface-alt', 4.5],
  ['--cc-color-success', '--cc-color-surface', 4.5],
  ['--cc-color-warning', '--cc-color-surface', 4.5],
  ['--cc-color-warning', '--cc-color-surface-alt', 4.5],
  ['--cc-color-on-customer-bubble', '--cc-color-customer-bubble', 4.5],
  ['--cc-color-on-peer-bubble', '--cc-color-peer-bubble', 4.5],
  ['--cc-color-on-agent-bubble', '--cc-color-agent-bubble', 4.5],
  ['--cc-color-on-avatar', '--cc-color-avatar', 4.5],
  ['--cc-color-on-disabled', '--cc-color-disabled', 4.5],
  ['--cc-color-focus', '--cc-color-surface', 3],
  ['--cc-color-focus', '--cc-color-surface-alt', 3],
  ['--cc-color-field-border', '--cc-color-surface', 3],
  ['--cc-color-field-border', '--cc-color-surface-alt', 3],
  ['--cc-email-body-color', '--cc-email-body-background', 4.5],
  ['--cc-email-body-link', '--cc-email-body-background', 4.5],
  ['--cc-email-grey-text', '--cc-email-grey-surface', 4.5],
  ['--cc-email-body-link', '--cc-email-grey-surface', 4.5],
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

  it('R-X-03: every token is described for the theming guide, and only the tokens there are', () => {
    expect(Object.keys(THEME_TOKEN_DESCRIPTIONS).sort()).to.deep.equal(THEME_TOKENS.map((t) => t.name).sort());
    for (const t of THEME_TOKENS) expect(THEME_TOKEN_DESCRIPTIONS[t.name]?.trim() ?? '', t.name).not.to.equal('');
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

/** An `rgb()` / `rgba()` colour as getComputedStyle gives it. */
function rgba(value: string): readonly [number, number, number, number] {
  const parts = /^rgba?\(([^)]+)\)$/.exec(value.trim())?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3 || parts.some((n) => Number.isNaN(n))) throw new Error(`not an rgb() colour: ${value}`);
  const [r = 0, g = 0, b = 0, a = 1] = parts;
  return [r, g, b, a];
}

/** The computed colour as #rrggbb (opaque colours only: borders and backgrounds here are). */
function hex(value: string): string {
  const [r, g, b, a] = rgba(value);
  if (a !== 1) throw new Error(`translucent colour: ${value}`);
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The first opaque background at or behind `el`, across shadow boundaries (white, the page, at the end). */
function backdrop(el: Element): string {
  for (let node: Element | null = el; node; ) {
    const background = getComputedStyle(node).backgroundColor;
    if (rgba(background)[3] === 1) return hex(background);
    const parent: Node | null = node.parentNode;
    // Up through shadow roots, and out of an email body's frame document to the frame (by node type: a frame's nodes are of its realm).
    node =
      parent instanceof ShadowRoot
        ? parent.host
        : parent?.nodeType === Node.DOCUMENT_NODE
          ? ((parent as Document).defaultView?.frameElement ?? null)
          : parent?.nodeType === Node.ELEMENT_NODE
            ? (parent as Element)
            : null;
  }
  return '#ffffff';
}

/** The loaded document of the email body's sandboxed frame, once the pane has styled it. */
function bodyDocument(el: Element): Document | undefined {
  const doc = el.shadowRoot?.querySelector<HTMLIFrameElement>('.body iframe')?.contentDocument;
  return doc && doc.URL === 'about:srcdoc' && doc.adoptedStyleSheets.length > 0 ? doc : undefined;
}

/** The background a field's border sits on: what is behind the field. */
function around(field: Element): string {
  const parent = field.parentNode;
  const outside = parent instanceof ShadowRoot ? parent.host : parent;
  if (!(outside instanceof Element)) throw new Error('a field without a parent');
  return backdrop(outside);
}

describe('field borders and email paper in the light and dark schemes', () => {
  let sheet: CSSStyleSheet | undefined;

  before(async () => {
    // As on a host page (and in Storybook): themes.css linked, the scheme set on an ancestor.
    sheet = new CSSStyleSheet();
    sheet.replaceSync(await (await fetch('/src/styles/themes.css')).text());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });

  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  afterEach(() => disposeWorlds());

  /** A world with one accepted email interaction. */
  async function emailWorld(): Promise<{ world: ReturnType<typeof createWorld>; id: string }> {
    const world = createWorld();
    const id = world.simulator.offer({
      channel: 'email',
      customerName: 'Jane Doe',
      email: {
        subject: 'Invoice 118 is wrong',
        // A sender who wrote for a light page: dark inline colours, a link.
        html: '<p style="color: #222222">Hello, see <a href="https://acme.example/orders/118">order 118</a>.</p><table><tr><td style="color: #004400">Lamp</td></tr></table>',
      },
    });
    await untilState(world.store, (st) => st.interactions[id] !== undefined, 'the offer');
    await world.store.accept(id);
    return { world, id };
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`WCAG 1.4.11: in the ${scheme} scheme every form field border has at least 3:1 against what it sits on`, async () => {
      const { world, id } = await emailWorld();
      const root = await fixture<HTMLElement>(html`<div theme=${scheme} style="background: var(--cc-color-surface); padding: 8px">
        <cc-agent-state .store=${world.store}></cc-agent-state>
        <cc-template-picker .store=${world.store} channel="email"></cc-template-picker>
        <cc-email-widget .store=${world.store}></cc-email-widget>
        <cc-transfer-dialog .store=${world.store} interaction-id=${id}></cc-transfer-dialog>
      </div>`);
      const state = root.querySelector('cc-agent-state');
      const picker = root.querySelector<CcTemplatePicker>('cc-template-picker');
      const email = root.querySelector<CcEmailWidget>('cc-email-widget');
      const transfer = root.querySelector('cc-transfer-dialog');
      if (!state || !picker || !email || !transfer) throw new Error('fixture incomplete');
      expect(resolved(email, '--_cc-field-border'), 'the scheme applies').to.equal(token('--cc-color-field-border')[scheme]);
      const failures: string[] = [];
      const check = (name: string, field: Element): void => {
        const style = getComputedStyle(field);
        const border = hex(style.borderTopColor);
        const behind = around(field);
        const ratio = contrast(border, behind);
        const width = Number.parseFloat(style.borderTopWidth);
        if (ratio < 3 || width < 1) failures.push(`${name}: border ${border} (${width}px) on ${behind}: ${ratio.toFixed(2)}:1 < 3:1`);
      };
      check('agent state select', shadow(state, 'select'));
      await until(() => shadowAll(email, '#quick').length === 1, 'the quick reply box');
      check('quick reply box', shadow(email, '#quick'));
      email.compose('forward');
      await until(() => shadowAll(email, '#editor').length === 1, 'the standard reply');
      check('To field', shadow(email, '#to'));
      check('Subject field', shadow(email, '#subject'));
      check('email editor', shadow(email, '#editor'));
      picker.show();
      await until(() => shadowAll(picker, 'input[type="search"]').length === 1, 'the template search box');
      check('template search box', shadow(picker, 'input[type="search"]'));
      transfer.show();
      await until(() => shadowAll(transfer, '[role="listbox"]').length === 1, 'the transfer searchbox and the list of queues');
      check('transfer searchbox', shadow(transfer, 'input[type="search"]'));
      check('transfer listbox', shadow(transfer, '[role="listbox"]'));
      expect(failures, failures.join('\n')).to.deep.equal([]);
    });
  }

  it('WCAG 1.4.3: in the dark scheme an email body and the editor are on the light paper; sender colours, links and focus rings keep their contrast', async () => {
    const { world } = await emailWorld();
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget theme="dark" .store=${world.store}></cc-email-widget>`);
    await until(() => shadowAll(el, '.body').length === 1 && bodyDocument(el)?.querySelector('a') != null, 'the email body');
    expect(hex(getComputedStyle(el).backgroundColor), 'the pane is dark').to.equal(token('--cc-color-surface').dark);
    const body = shadow(el, '.body');
    const paper = token('--cc-email-body-background').dark;
    expect(paper, 'the paper is light in the dark scheme').to.equal(token('--cc-email-body-background').light);
    expect(hex(getComputedStyle(body).backgroundColor)).to.equal(paper);
    expect(hex(getComputedStyle(body).color)).to.equal(token('--cc-email-body-color').dark);
    const frame = bodyDocument(el);
    if (!frame) throw new Error('the body has no frame document');
    for (const text of frame.querySelectorAll('p, td')) {
      expect(contrast(hex(getComputedStyle(text).color), backdrop(text)), `${text.localName} text`).to.be.at.least(4.5);
    }
    const link = frame.querySelector('a');
    if (!link) throw new Error('no link in the email');
    expect(contrast(hex(getComputedStyle(link).color), backdrop(link)), 'link').to.be.at.least(4.5);
    link.focus();
    expect(link.matches(':focus-visible'), 'keyboard-style focus').to.equal(true);
    const ring = getComputedStyle(link);
    expect(ring.outlineStyle).to.equal('solid');
    expect(contrast(hex(ring.outlineColor), backdrop(link)), 'focus ring on the paper').to.be.at.least(3);

    el.compose('forward');
    await until(() => shadowAll(el, '#editor td').length > 0, 'the forwarded email in the editor');
    const editor = shadow(el, '#editor');
    expect(hex(getComputedStyle(editor).backgroundColor)).to.equal(paper);
    const quoted = shadow(el, '#editor td');
    expect(contrast(hex(getComputedStyle(quoted).color), backdrop(quoted)), 'quoted sender colour').to.be.at.least(4.5);
    await expect(el).to.be.accessible();
  });

  it('R-MAIL-13: in the dark scheme the light-grey mode keeps email bodies light grey', async () => {
    const { world } = await emailWorld();
    const el = await fixture<CcEmailWidget>(html`<cc-email-widget theme="dark" light-grey .store=${world.store}></cc-email-widget>`);
    await until(() => shadowAll(el, '.body').length === 1, 'the email body');
    const body = shadow(el, '.body');
    expect(hex(getComputedStyle(body).backgroundColor)).to.equal(token('--cc-email-grey-surface').dark);
    expect(hex(getComputedStyle(body).color)).to.equal(token('--cc-email-grey-text').dark);
    await expect(el).to.be.accessible();
  });
});
