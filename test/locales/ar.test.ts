import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { LOCALES, getLocale, localeDirection, setLocale, t } from '../../src/controllers/localize.js';
import { en, type MessageKey } from '../../src/locales/en.js';
import { ar } from '../../src/locales/ar.js';
import { disposeWorlds } from '../helpers/world.js';

const KEYS = Object.keys(en) as MessageKey[];

/** The `{name}` placeholders of a message, sorted, once each. */
const placeholders = (message: string): string[] => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

/** Arabic letters (the Arabic block and its presentation forms). */
const ARABIC = /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Messages that are the same in every language: product names, bare placeholders and counters. */
const UNTRANSLATED = new Set<MessageKey>([
  'channel.messenger',
  'channel.sms',
  'channel.webchat',
  'agent.rona',
  'offer.sourceNumberWithKind',
  'chat.counter',
  'chat.attachment',
  'notice.info',
  'wrapup.notesCount',
]);

describe('R-COMP-07 Arabic catalogue', () => {
  afterEach(() => disposeWorlds());

  it('R-COMP-07: ar is a shipped locale, written right to left', () => {
    expect(LOCALES).to.include('ar');
    expect(localeDirection('ar')).to.equal('rtl');
    expect(localeDirection('en')).to.equal('ltr');
    expect(localeDirection('zh-CN')).to.equal('ltr');
  });

  it('R-COMP-07: the catalogue has every English key, none empty, and none English does not have', () => {
    const catalogue: Readonly<Record<string, unknown>> = ar;
    const missing = KEYS.filter((key) => typeof catalogue[key] !== 'string' || String(catalogue[key]).trim() === '');
    const extra = Object.keys(ar).filter((key) => !(key in en));
    expect(missing, `ar lacks: ${missing.join(', ')}`).to.deep.equal([]);
    expect(extra, `ar keys unknown to en: ${extra.join(', ')}`).to.deep.equal([]);
  });

  it('R-COMP-07: every message keeps exactly the {placeholders} of the English one', () => {
    const problems = KEYS.flatMap((key) => {
      const english = placeholders(en[key]);
      const arabic = placeholders(ar[key]);
      return english.join() === arabic.join() ? [] : [`"${key}": en {${english.join('} {')}} ≠ ar {${arabic.join('} {')}}`];
    });
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  it('R-COMP-07: every message is in Arabic except product names and bare formats, which stay as in English', () => {
    const untranslated = KEYS.filter((key) => !UNTRANSLATED.has(key) && !ARABIC.test(ar[key]));
    expect(untranslated, `not in Arabic: ${untranslated.join(', ')}`).to.deep.equal([]);
    for (const key of UNTRANSLATED) expect(ar[key], key).to.equal(en[key]);
  });

  it('R-COMP-07: the catalogue carries no invisible direction marks that would break copied text', () => {
    const marked = KEYS.filter((key) => /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(ar[key]));
    expect(marked).to.deep.equal([]);
  });

  it('R-COMP-07: setLocale("ar") switches t() to Arabic, placeholders filled', () => {
    setLocale('ar');
    expect(getLocale()).to.equal('ar');
    expect(t('send')).to.equal('إرسال');
    expect(t('chat.thread', { customer: 'Jane Doe' })).to.equal('المحادثة مع Jane Doe');
    expect(t('find.count', { current: 2, total: 5 })).to.equal('2 من 5');
  });
});
