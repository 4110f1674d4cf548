import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { LOCALES, getLocale, setLocale, t } from '../../src/controllers/localize.js';
import { en, type MessageKey } from '../../src/locales/en.js';
import { zhCN } from '../../src/locales/zh-CN.js';
import { createWorld, disposeWorlds, shadow, shadowAll, until } from '../helpers/world.js';

const KEYS = Object.keys(en) as MessageKey[];

/** The `{name}` placeholders of a message, sorted, once each. */
const placeholders = (message: string): string[] => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

describe('R-X-01 locales', () => {
  afterEach(() => disposeWorlds());

  it('R-X-01: every locale has every key, none empty', () => {
    const problems: string[] = [];
    for (const locale of LOCALES) {
      setLocale(locale);
      for (const key of KEYS) {
        // t() returns the catalogue's raw string when given no parameters.
        const message: unknown = t(key);
        if (typeof message !== 'string') problems.push(`${locale}: "${key}" is missing`);
        else if (message.trim() === '') problems.push(`${locale}: "${key}" is empty`);
      }
    }
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('R-X-01: the shipped catalogues themselves have every key, none empty', () => {
    const catalogues: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { en, 'zh-CN': zhCN };
    const problems = Object.entries(catalogues).flatMap(([locale, messages]) =>
      KEYS.flatMap((key) => {
        const message = messages[key];
        if (typeof message !== 'string') return [`${locale}: "${key}" is missing`];
        return message.trim() === '' ? [`${locale}: "${key}" is empty`] : [];
      }),
    );
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('R-X-01: no locale has keys English does not have', () => {
    const extra = Object.keys(zhCN).filter((key) => !(key in en));
    expect(extra, `zh-CN keys unknown to en: ${extra.join(', ')}`).to.deep.equal([]);
  });

  it('R-X-01: en and zh-CN use the same {placeholders} in every message', () => {
    const problems = KEYS.flatMap((key) => {
      const english = placeholders(en[key]);
      const chinese = placeholders(zhCN[key]);
      return english.join() === chinese.join() ? [] : [`"${key}": en {${english.join('} {')}} ≠ zh-CN {${chinese.join('} {')}}`];
    });
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('R-X-01: a placeholder check notices a mismatch (the check itself works)', () => {
    expect(placeholders('{count} / {max}')).to.deep.equal(['count', 'max']);
    expect(placeholders('{name} said {name}')).to.deep.equal(['name']);
    expect(placeholders('已发送').join()).to.not.equal(placeholders('{count} sent').join());
  });

  it('R-X-01: the conversation pane formats dates and times with Intl in the current locale, and switches at run time', async () => {
    const { simulator, store } = createWorld();
    const id = simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hello' });
    await store.accept(id);
    const el = await fixture(html`<cc-chat-widget .store=${store} channel="webchat"></cc-chat-widget>`);
    await until(() => shadowAll(el, '.meta').length > 0, 'the first message');
    const interaction = store.state.interactions[id];
    const message = interaction?.messages.find((m) => m.author === 'customer');
    if (!interaction || !message) throw new Error('no accepted interaction with a customer message');
    const since = interaction.acceptedAt ?? interaction.offeredAt;

    for (const locale of ['zh-CN', 'en'] as const) {
      setLocale(locale);
      await until(() => shadow(el, 'header').textContent?.includes(new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(since)) ?? false, `${locale} date`);
      const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(message.timestamp);
      expect(shadowAll(el, '.meta').some((m) => m.textContent?.includes(time)), `${locale} message time ${time}`).to.be.true;
      expect(getLocale()).to.equal(locale);
    }
  });
});
