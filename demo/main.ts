/**
 * The demo agent desktop served by `npm start`: every element wired to the embedded
 * simulated contact center, a control panel to script customers, and a language switch.
 * `window.ccDemo = { simulator, store }` lets a person at the console, or a browser test,
 * script the world.
 */
import '../src/index.js';
import { SimulatedContactCenter, clearSimulatedWorld } from '../src/adapters/simulated/index.js';
import { createInteractionStore, type InteractionStore } from '../src/core/store/store.js';
import type { CcState } from '../src/core/store/state.js';
import { LOCALES, getLocale, localeDirection, setLocale, type Locale } from '../src/controllers/localize.js';
import { openShortcutHelp } from '../src/components/cc-shortcut-help/cc-shortcut-help.js';
import type { CcProvider } from '../src/components/cc-provider/cc-provider.js';
import { CAPABILITIES, CHANNELS, isCapability, type Capability, type Channel } from '../src/core/types.js';
import type { AutoWrapupOptions } from '../src/core/store/auto-wrapup.js';
import { setUpThemeSwitch, translateChrome } from './chrome.js';

declare global {
  interface Window {
    /** The demo's simulator and store, for scripting from the console or tests. */
    ccDemo: { simulator: SimulatedContactCenter; store: InteractionStore };
  }
}

const params = new URLSearchParams(location.search);
const numberParam = (name: string): number | undefined => {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

const autoplay = params.get('autoplay') !== '0';
const ronaTimeoutMs = numberParam('ronaTimeoutMs');
const seed = numberParam('seed');
const latencyMs = numberParam('latencyMs');
const autoWrapupMs = numberParam('autoWrapupMs');

/**
 * `?capabilities=` switches backend features, so each combination can be seen: a list of names
 * keeps only those on (`?capabilities=transfer,templates`); names with a leading `-` switch just
 * those off (`?capabilities=-consult,-attachments`). Unknown names are ignored.
 */
function capabilitiesParam(raw: string | null): Partial<Record<Capability, boolean>> | undefined {
  if (raw === null) return undefined;
  const names = raw.split(',').map((n) => n.trim()).filter(Boolean);
  const off = names.filter((n) => n.startsWith('-')).map((n) => n.slice(1)).filter(isCapability);
  const on = names.filter((n) => !n.startsWith('-')).filter(isCapability);
  const result: Partial<Record<Capability, boolean>> = {};
  if (on.length > 0) for (const c of CAPABILITIES) result[c] = on.includes(c);
  for (const c of off) result[c] = false;
  return result;
}
const capabilities = capabilitiesParam(params.get('capabilities'));

// The world is kept per tab, as drafts are, so that a reload finds both again (R-X-04).
// `?fresh=1` starts every load empty and keeps nothing.
const WORLD_KEY = 'cc-demo:world:v1';
const fresh = params.get('fresh') === '1';
const worldStorage = ((): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
})();
if (fresh && worldStorage) clearSimulatedWorld(worldStorage, WORLD_KEY);

const simulator = new SimulatedContactCenter({
  autoplay,
  // Drafts are kept per interaction id across reloads: ids of a new world must not repeat an old one's
  // (a restored world keeps its own tag and counter).
  idTag: Date.now().toString(36),
  ...(worldStorage && !fresh ? { persist: { storage: worldStorage, key: WORLD_KEY } } : {}),
  ...(ronaTimeoutMs !== undefined ? { ronaTimeoutMs } : {}),
  ...(seed !== undefined ? { seed } : {}),
  ...(latencyMs !== undefined ? { latencyMs } : {}),
  ...(capabilities ? { capabilities } : {}),
});
// `?autoWrapupMs=N`: every channel wraps up by itself N ms into wrap-up, with its first listed reason.
const autoWrapup: AutoWrapupOptions | undefined =
  autoWrapupMs === undefined ? undefined : Object.fromEntries(CHANNELS.map((c: Channel) => [c, { afterMs: autoWrapupMs }]));
const store = createInteractionStore(simulator, { agent: simulator.agent, ...(autoWrapup ? { autoWrapup } : {}) });
window.ccDemo = { simulator, store };

const $ = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`demo markup is missing ${selector}`);
  return el;
};

const provider = $<CcProvider>('#provider');
provider.store = store;

// Keyboard shortcut help (R-CHAT-09) and browser notifications while the page is hidden (R-CHAT-08).
$<HTMLButtonElement>('#shortcuts').addEventListener('click', () => void openShortcutHelp());
const notify = $<HTMLButtonElement>('#notify');
notify.hidden = !('Notification' in window) || Notification.permission !== 'default';
notify.addEventListener('click', () => {
  void provider.requestNotificationPermission().then(() => (notify.hidden = true));
});

// Language switch (R-X-01).
const lang = $<HTMLSelectElement>('#lang');
const applyLocale = (locale: Locale): void => {
  setLocale(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = localeDirection(locale);
  lang.value = locale;
  translateChrome(locale);
};
const requested = params.get('lang');
const isLocale = (value: string | null): value is Locale => LOCALES.some((l) => l === value);
if (isLocale(requested)) applyLocale(requested);
lang.addEventListener('change', () => applyLocale(isLocale(lang.value) ? lang.value : 'en'));

// Light / dark / system colour scheme for the page and every element (R-X-03).
setUpThemeSwitch($<HTMLSelectElement>('#theme'), params.get('theme'));

// The agent state element lives outside <cc-provider> (in the top bar), so it gets the store directly.
$<HTMLElement>('#agent-name').textContent = store.state.agent.name;
$<HTMLElement & { store: InteractionStore | undefined }>('#agent-state').store = store;

// The customer panel scripts any interaction the store knows.
const customerTarget = $<HTMLSelectElement>('#customer-target');
const label = (s: CcState, id: string): string => {
  const i = s.interactions[id];
  return i ? `${i.customer.name} · ${i.channel}${i.unread ? ` (${i.unread})` : ''}${i.status === 'wrapup' ? ' · ended' : ''}` : id;
};
store
  .select((s) => s)
  .subscribe((s) => {
    const previous = customerTarget.value;
    customerTarget.replaceChildren(
      ...s.order.map((id) => {
        const option = document.createElement('option');
        option.value = id;
        option.textContent = label(s, id);
        return option;
      }),
    );
    if (s.order.includes(previous)) customerTarget.value = previous;
  });

// Control panel.
const field = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};
$<HTMLFormElement>('#offer-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const data = new FormData(e.currentTarget as HTMLFormElement);
  const channel = field(data, 'channel') as Channel;
  const customerName = field(data, 'customerName');
  const text = field(data, 'text');
  // An invitation plays the other side of a conference: this agent is the invited agent (R-CONF-04).
  const invitee = data.get('invitee') === 'on' && channel !== 'email';
  simulator.offer({ channel, ...(customerName ? { customerName } : {}), ...(text ? { text } : {}), ...(invitee ? { role: 'invitee' as const } : {}) });
});
$<HTMLFormElement>('#customer-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = field(new FormData(e.currentTarget as HTMLFormElement), 'text');
  if (customerTarget.value && text) simulator.customerMessage(customerTarget.value, text);
});
$<HTMLButtonElement>('#customer-typing').addEventListener('click', () => {
  if (customerTarget.value) simulator.customerTyping(customerTarget.value);
});
// Scripting mistakes (an email to a chat, a second agent where there is no conference) show as errors, not exceptions.
const script = (selector: string, action: (id: string) => void): void => {
  $<HTMLButtonElement>(selector).addEventListener('click', () => {
    if (!customerTarget.value) return;
    try {
      action(customerTarget.value);
    } catch (e) {
      logError(`simulator: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
};
script('#customer-leaves', (id) => simulator.customerLeaves(id));
script('#customer-email', (id) => {
  const i = store.state.interactions[id];
  const latest = i?.emails.at(-1);
  simulator.inboundEmail(id, {
    from: i?.customer.email ?? 'customer@example.com',
    to: [latest?.to[0] ?? 'support@acme.example'],
    subject: latest ? `Re: ${latest.subject.replace(/^re:\s*/i, '')}` : 'Follow-up',
    html: '<p>One more thing: could you also check my <b>billing address</b>?</p>',
  });
});
script('#peer-message', (id) => simulator.peerMessage(id, 'I can take the billing part of this.'));
script('#peer-leaves', (id) => simulator.peerLeaves(id));
const autoplayBox = $<HTMLInputElement>('#autoplay');
autoplayBox.checked = autoplay;
autoplayBox.addEventListener('change', () => simulator.setAutoplay(autoplayBox.checked));
// Dispose first: it writes the last changes, which must not outlive the reset.
$<HTMLButtonElement>('#reset-demo').addEventListener('click', () => {
  simulator.dispose();
  if (worldStorage) clearSimulatedWorld(worldStorage, WORLD_KEY);
  location.reload();
});

// Store errors, newest first, so nothing fails silently.
const errors = $<HTMLOListElement>('#errors');
function logError(text: string): void {
  const li = document.createElement('li');
  li.textContent = text;
  errors.prepend(li);
  while (errors.children.length > 20) errors.lastElementChild?.remove();
}
store.errors$.subscribe((error) => logError(`${error.code}: ${error.message}`));

document.documentElement.dataset['locale'] = getLocale();
