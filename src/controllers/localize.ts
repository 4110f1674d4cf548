import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MessageKey, type Messages } from '../locales/en.js';
import { zhCN } from '../locales/zh-CN.js';

/** Locales the library ships (R-X-01). */
export type Locale = 'en' | 'zh-CN';

/** Every shipped locale. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

const catalogues: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN };

let current: Locale = 'en';
const listeners = new Set<() => void>();

/** Detail of the `cc-locale-changed` event fired on `window` when the locale changes. */
export interface LocaleChangedDetail {
  readonly locale: Locale;
}

/** The locale every element renders in. */
export function getLocale(): Locale {
  return current;
}

/**
 * Switches every element on the page to another locale at run time (R-X-01).
 * Fires `cc-locale-changed` on `window`.
 */
export function setLocale(locale: Locale): void {
  if (!LOCALES.includes(locale)) throw new RangeError(`unsupported locale "${String(locale)}"; use one of ${LOCALES.join(', ')}`);
  if (locale === current) return;
  current = locale;
  for (const listener of [...listeners]) listener();
  window.dispatchEvent(new CustomEvent<LocaleChangedDetail>('cc-locale-changed', { detail: { locale } }));
}

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The string for `key` in the current locale, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = catalogues[current][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Re-renders its host whenever the locale changes. */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #update = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    listeners.add(this.#update);
  }

  hostDisconnected(): void {
    listeners.delete(this.#update);
  }

  /** The current locale (for `Intl` formatting). */
  get locale(): Locale {
    return current;
  }
}

declare global {
  interface WindowEventMap {
    'cc-locale-changed': CustomEvent<LocaleChangedDetail>;
  }
}
