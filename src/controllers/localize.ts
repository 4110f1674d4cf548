import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { enCore } from '../locales/en-core.js';
import type { MessageKey, Messages } from '../locales/en.js';
import { emitOnWindow } from '../element-events.js';

/** Locales the library ships (R-X-01). */
export type Locale = 'en' | 'zh-CN' | 'ar';

/** Every shipped locale. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN', 'ar'];

/** Locales written right to left (R-COMP-07). */
const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set<Locale>(['ar']);

/** The writing direction of a locale: every element renders in it. */
export function localeDirection(locale: Locale = current): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/**
 * Catalogues at hand. English is built in; another one loads when first switched to,
 * unless registered up front (the package root registers every shipped one), so an
 * element imported on its own carries English only.
 */
const catalogues: Partial<Record<Locale, Partial<Messages>>> = { en: { ...enCore } };
const loaders: Readonly<Record<Locale, () => Promise<Partial<Messages>>>> = {
  en: () => Promise.resolve(english()),
  'zh-CN': () => import('../locales/zh-CN.js').then((m) => m.zhCN),
  ar: () => import('../locales/ar.js').then((m) => m.ar),
};

let current: Locale = 'en';
let requested: Locale = 'en';
const listeners = new Set<() => void>();

/** The locale every element renders in. */
export function getLocale(): Locale {
  return current;
}

/** The English catalogue as far as registered: the fallback of every other one. */
function english(): Partial<Messages> {
  return catalogues.en ?? enCore;
}

/**
 * Adds English strings of an element that carries its own (the email widget, the
 * dialogs, the shortcut help), so a page carries the strings of what it shows only.
 * Elements call it when their module loads.
 */
export function registerEnglish(messages: Partial<Messages>): void {
  catalogues.en = { ...english(), ...messages };
}

/** Makes a locale's catalogue available, so switching to it happens at once. */
export function registerLocale(locale: Locale, messages: Messages): void {
  catalogues[locale] = messages;
}

/**
 * Switches every element on the page to another locale at run time (R-X-01).
 * Fires `cc-locale-change` on `window`. With the package root imported, every shipped
 * locale is registered and the switch is immediate; otherwise a catalogue not yet loaded
 * is fetched first, and the switch (and the event) follow once it is there.
 */
export function setLocale(locale: Locale): void {
  if (!LOCALES.includes(locale)) throw new RangeError(`unsupported locale "${String(locale)}"; use one of ${LOCALES.join(', ')}`);
  requested = locale;
  if (locale === current) return;
  if (catalogues[locale]) {
    apply(locale);
    return;
  }
  loaders[locale]().then(
    (messages) => {
      catalogues[locale] = messages;
      if (requested === locale) apply(locale);
    },
    // The catalogue could not be fetched: the page stays in the locale it has.
    () => undefined,
  );
}

function apply(locale: Locale): void {
  current = locale;
  for (const listener of [...listeners]) listener();
  emitOnWindow('cc-locale-change', { locale });
}

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The string for `key` in the current locale, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  // A key whose English part has not been registered shows as the key (a bug to see, not hide).
  const template = catalogues[current]?.[key] ?? english()[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Re-renders its host whenever the locale changes, and gives the host element the
 * locale's `lang` and `dir` (R-COMP-07): the elements follow the library's locale, not the
 * page's, so an English page can show them in Arabic, right to left. An attribute the page
 * set on the element itself is left alone.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** The attributes this controller set (and so may change again). */
  readonly #owned = new Set<'lang' | 'dir'>();
  readonly #update = (): void => {
    this.#reflect();
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this.#update);
    this.#reflect();
  }

  hostDisconnected(): void {
    listeners.delete(this.#update);
  }

  /** The current locale (for `Intl` formatting). */
  get locale(): Locale {
    return current;
  }

  #reflect(): void {
    const host = this.#host;
    if (!(host instanceof Element)) return;
    this.#set(host, 'lang', current);
    this.#set(host, 'dir', localeDirection());
  }

  #set(host: Element, name: 'lang' | 'dir', value: string): void {
    if (host.hasAttribute(name) && !this.#owned.has(name)) return;
    this.#owned.add(name);
    if (host.getAttribute(name) !== value) host.setAttribute(name, value);
  }
}
