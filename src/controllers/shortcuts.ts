import type { ReactiveController, ReactiveElement } from 'lit';
import { emitOnWindow } from '../element-events.js';

/** Everything an agent can do from the keyboard (R-CHAT-09). */
export type ShortcutAction = 'accept' | 'send' | 'transfer' | 'conference' | 'end' | 'templates' | 'focusComposer' | 'help';

/** Every action, in the order the shortcut help lists them. */
export const SHORTCUT_ACTIONS: readonly ShortcutAction[] = ['accept', 'send', 'transfer', 'conference', 'end', 'templates', 'focusComposer', 'help'];

/**
 * A key combination. `code` is `KeyboardEvent.code` (the physical key, e.g. `KeyA`,
 * `Enter`, `F2`), so a binding works whatever the keyboard layout or input method: the
 * same key on QWERTY, AZERTY or with a Pinyin IME. Modifiers must match exactly, so
 * Ctrl+Alt+Shift+A is not Ctrl+Alt+A.
 */
export interface ShortcutBinding {
  readonly code: string;
  readonly ctrl?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean;
  readonly meta?: boolean;
}

/** The binding of every action; `null` means the action has no shortcut. */
export type ShortcutMap = Readonly<Record<ShortcutAction, ShortcutBinding | null>>;

/**
 * A host's change to some bindings: a {@link ShortcutBinding}, the same as text
 * (`'Ctrl+Alt+KeyA'`, `'Ctrl+Shift+1'`, see {@link parseShortcut}), or `null` to turn
 * the shortcut off.
 */
export type ShortcutOverrides = { readonly [A in ShortcutAction]?: ShortcutBinding | string | null };

/** How key names are shown: macOS symbols (⌃⌥⇧⌘) or PC names (Ctrl+Alt+Shift+Meta). */
export type ShortcutPlatform = 'mac' | 'pc';

/**
 * The default bindings. All but `send` are Ctrl+Alt+letter: no browser or screen
 * reader claims those, and on macOS Ctrl+Option leaves ⌘ shortcuts to the browser.
 *
 * `send` is Enter, and only inside the composer (see {@link ShortcutController}): Enter
 * is what agents expect from every chat tool and what the source document describes
 * ("按键盘上的 Enter"), and Shift+Enter stays a new line. A global Send would fire from
 * wherever focus happens to be and send a draft the agent cannot see, so it is never
 * bound page-wide; it is listed here so the help shows it and hosts can rebind it
 * (e.g. Ctrl+Enter for agents who want Enter to add lines).
 *
 * On Windows, Ctrl+Alt is also AltGr: on layouts where AltGr+letter types a character
 * (Polish ę, German €), rebind the clashing action with {@link setShortcuts}.
 */
export const DEFAULT_SHORTCUTS: ShortcutMap = Object.freeze({
  accept: { code: 'KeyA', ctrl: true, alt: true },
  send: { code: 'Enter' },
  transfer: { code: 'KeyT', ctrl: true, alt: true },
  conference: { code: 'KeyC', ctrl: true, alt: true },
  end: { code: 'KeyE', ctrl: true, alt: true },
  templates: { code: 'KeyP', ctrl: true, alt: true },
  focusComposer: { code: 'KeyM', ctrl: true, alt: true },
  help: { code: 'KeyK', ctrl: true, alt: true },
});

let current: ShortcutMap = DEFAULT_SHORTCUTS;

/** The bindings in use. */
export function getShortcuts(): ShortcutMap {
  return current;
}

const MODIFIER_CODES = /^(Control|Alt|Shift|Meta|OS)(Left|Right)$|^(CapsLock|NumLock|ScrollLock|Fn|FnLock|AltGraph)$/;
const FUNCTION_KEY = /^F([1-9]|1\d|2[0-4])$/;

function comboId(b: ShortcutBinding): string {
  return `${b.ctrl ? 'C' : ''}${b.alt ? 'A' : ''}${b.shift ? 'S' : ''}${b.meta ? 'M' : ''}+${b.code}`;
}

function normalise(b: ShortcutBinding): ShortcutBinding {
  return Object.freeze({ code: b.code, ctrl: b.ctrl === true, alt: b.alt === true, shift: b.shift === true, meta: b.meta === true });
}

const MODIFIER_NAMES: Readonly<Record<string, 'ctrl' | 'alt' | 'shift' | 'meta'>> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
};

/**
 * Reads a binding written as text: modifiers (`Ctrl`, `Alt`/`Option`, `Shift`,
 * `Meta`/`Cmd`) and one key joined by `+`. The key is a `KeyboardEvent.code`
 * (`KeyA`, `Digit1`, `Enter`, `F2`, `Slash`); a single letter or digit is accepted as
 * shorthand for `KeyX` / `DigitN`. Throws an `Error` naming what it could not read.
 */
export function parseShortcut(text: string): ShortcutBinding {
  const parts = text.split('+').map((p) => p.trim());
  const key = parts.pop() ?? '';
  const binding: { code: string; ctrl?: boolean; alt?: boolean; shift?: boolean; meta?: boolean } = { code: key };
  for (const part of parts) {
    const modifier = MODIFIER_NAMES[part.toLowerCase()];
    if (!modifier) throw new Error(`shortcut "${text}": unknown modifier "${part}"; use Ctrl, Alt, Shift or Meta`);
    binding[modifier] = true;
  }
  if (/^[a-z]$/i.test(key)) binding.code = `Key${key.toUpperCase()}`;
  else if (/^\d$/.test(key)) binding.code = `Digit${key}`;
  else if (!/^[A-Z][A-Za-z0-9]*$/.test(key)) throw new Error(`shortcut "${text}": "${key}" is not a KeyboardEvent.code such as KeyA, Digit1, Enter or F2`);
  return binding;
}

function validBinding(action: ShortcutAction, value: ShortcutBinding | string): ShortcutBinding {
  const b = typeof value === 'string' ? parseShortcut(value) : value;
  if (typeof b !== 'object' || typeof b.code !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(b.code)) {
    throw new Error(`shortcut for "${action}": code must be a KeyboardEvent.code such as KeyA, Digit1, Enter or F2`);
  }
  if (MODIFIER_CODES.test(b.code)) throw new Error(`shortcut for "${action}": ${b.code} is a modifier; bind a key together with modifiers`);
  const normal = normalise(b);
  // A bare key outside the composer would fire while the agent types anywhere.
  if (action !== 'send' && !normal.ctrl && !normal.alt && !normal.meta && !FUNCTION_KEY.test(normal.code)) {
    throw new Error(`shortcut for "${action}": ${formatShortcut(normal, 'pc')} would fire while typing; add Ctrl, Alt or Meta, or use F1–F24`);
  }
  return normal;
}

/**
 * Rebinds or turns off (`null`) some actions; the others keep their binding. The change
 * is checked as a whole and applied only if valid: an unknown action, an unreadable
 * binding, a plain key that would fire while typing (every action but `send` needs Ctrl,
 * Alt or Meta, or a function key), or two actions on one combination throw an `Error`
 * and leave every binding as it was. Fires `cc-shortcuts-change` on `window`.
 *
 * @example setShortcuts({ accept: 'Ctrl+Shift+KeyY', conference: null })
 */
export function setShortcuts(overrides: ShortcutOverrides): void {
  const next: Record<ShortcutAction, ShortcutBinding | null> = { ...current };
  for (const [name, value] of Object.entries(overrides)) {
    const action = SHORTCUT_ACTIONS.find((a) => a === name);
    if (!action) throw new Error(`unknown shortcut action "${name}"; use one of ${SHORTCUT_ACTIONS.join(', ')}`);
    if (value === undefined) continue;
    next[action] = value === null ? null : validBinding(action, value);
  }
  const owners = new Map<string, ShortcutAction>();
  for (const action of SHORTCUT_ACTIONS) {
    const b = next[action];
    if (!b) continue;
    const other = owners.get(comboId(b));
    if (other) throw new Error(`shortcut conflict: ${formatShortcut(b, 'pc')} is bound to both "${other}" and "${action}"`);
    owners.set(comboId(b), action);
  }
  current = Object.freeze(next);
  announce();
}

/** Restores {@link DEFAULT_SHORTCUTS}. Fires `cc-shortcuts-change` on `window`. */
export function resetShortcuts(): void {
  if (current === DEFAULT_SHORTCUTS) return;
  current = DEFAULT_SHORTCUTS;
  announce();
}

function announce(): void {
  emitOnWindow('cc-shortcuts-change', { shortcuts: current });
}

/** `mac` on macOS and iOS, else `pc`. */
export function detectPlatform(): ShortcutPlatform {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'pc';
}

// Keys whose code is not what their cap shows (US layout caps: codes are physical keys).
const PUNCTUATION: Readonly<Record<string, string>> = {
  Backquote: '`',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
};
const SYMBOLS: Readonly<Record<string, string>> = { Escape: 'Esc', ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };

function keyName(code: string): string {
  return PUNCTUATION[code] ?? code.replace(/^(Key|Digit)/, '');
}

function keyLabel(code: string): string {
  return SYMBOLS[code] ?? keyName(code).replace(/^Numpad/, 'Num ');
}

/**
 * The keys of a binding as shown on screen, one entry per key, modifiers first:
 * `['⌃', '⌥', 'A']` on macOS, `['Ctrl', 'Alt', 'A']` elsewhere.
 */
export function shortcutKeys(binding: ShortcutBinding, platform: ShortcutPlatform = detectPlatform()): string[] {
  const mac = platform === 'mac';
  const keys: string[] = [];
  if (binding.ctrl) keys.push(mac ? '⌃' : 'Ctrl');
  if (binding.alt) keys.push(mac ? '⌥' : 'Alt');
  if (binding.shift) keys.push(mac ? '⇧' : 'Shift');
  if (binding.meta) keys.push(mac ? '⌘' : 'Meta');
  keys.push(keyLabel(binding.code));
  return keys;
}

/** A binding as text for display: `⌃⌥A` on macOS, `Ctrl+Alt+A` elsewhere. */
export function formatShortcut(binding: ShortcutBinding, platform: ShortcutPlatform = detectPlatform()): string {
  return shortcutKeys(binding, platform).join(platform === 'mac' ? '' : '+');
}

/**
 * A binding in the form of the `aria-keyshortcuts` attribute (`Control+Alt+A`), so
 * assistive technology can announce the shortcut of the control it activates.
 */
export function ariaKeyShortcuts(binding: ShortcutBinding): string {
  const keys: string[] = [];
  if (binding.ctrl) keys.push('Control');
  if (binding.alt) keys.push('Alt');
  if (binding.shift) keys.push('Shift');
  if (binding.meta) keys.push('Meta');
  keys.push(keyName(binding.code));
  return keys.join('+');
}

/** Whether `event` is the key combination of `binding`. */
export function matchesBinding(event: KeyboardEvent, binding: ShortcutBinding): boolean {
  return (
    event.code === binding.code &&
    event.ctrlKey === (binding.ctrl === true) &&
    event.altKey === (binding.alt === true) &&
    event.shiftKey === (binding.shift === true) &&
    event.metaKey === (binding.meta === true)
  );
}

/** The action bound to `event`'s key combination, if any. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  return SHORTCUT_ACTIONS.find((a) => {
    const b = current[a];
    return b !== null && matchesBinding(event, b);
  });
}

/**
 * A handler for one action. Return `false` (synchronously) when there was nothing to
 * do — no offer to accept, say: the key press is then left alone (not default-prevented)
 * and, for global shortcuts, offered to the next element that handles the action.
 */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void | Promise<void>;

/** What a {@link ShortcutController} handles. */
export type ShortcutHandlers = { readonly [A in ShortcutAction]?: ShortcutHandler };

/**
 * Where a {@link ShortcutController} listens.
 * - `global`: key presses anywhere in the page (window, capture phase). For actions that
 *   make sense wherever focus is: `accept`, `focusComposer`, `help`.
 * - `element`: key presses inside the host, including its shadow DOM. For actions on
 *   what the host shows: `send`, `transfer`, `conference`, `end`, `templates`.
 */
export type ShortcutScope = 'global' | 'element';

/** Options of a {@link ShortcutController}. */
export interface ShortcutControllerOptions {
  readonly scope: ShortcutScope;
  readonly handlers: ShortcutHandlers;
  /**
   * Whether a key press from `target` (the element that had focus, inside the host's
   * shadow DOM too) is in the composer, where `send` applies. Default: a `<textarea>`
   * or a contenteditable element.
   */
  readonly isComposer?: (target: Element) => boolean;
}

const defaultIsComposer = (target: Element): boolean =>
  target.localName === 'textarea' || (target instanceof HTMLElement && target.isContentEditable);

// Global controllers in the order they connected; one window listener serves them all.
const globals: ShortcutController[] = [];
let lastInteraction = 0;

// IME composition: `isComposing`, or keyCode 229, which Safari still reports on the
// keydown that ends a Pinyin composition with Enter.
function composing(e: KeyboardEvent): boolean {
  return e.isComposing || e.keyCode === 229;
}

function onGlobalKeydown(e: KeyboardEvent): void {
  if (e.defaultPrevented || e.repeat || composing(e)) return;
  const action = shortcutFor(e);
  if (!action || action === 'send') return;
  // The host the agent used last wins; otherwise the first connected (a stable sort keeps connection order).
  const candidates = globals.filter((c) => c.handles(action)).sort((a, b) => b.lastInteraction - a.lastInteraction);
  for (const c of candidates) if (c.run(action, e)) return;
}

/**
 * Keyboard shortcuts for an element (R-CHAT-09): calls the handler of the action whose
 * binding (see {@link setShortcuts}) matches a key press, and default-prevents only the
 * key presses it handled. Key presses during IME composition and auto-repeats are
 * ignored. The host re-renders when the bindings change, so labels it shows from
 * {@link ShortcutController.label} stay current.
 *
 * With `scope: 'global'`, when several connected elements handle the same action, one
 * key press runs one handler: the one of the element the agent last focused or clicked,
 * else of the first connected; a handler returning `false` passes the key press on.
 * `send` is only ever handled in element scope, and only from the composer.
 *
 * @example
 * new ShortcutController(this, { scope: 'element', handlers: { end: () => this.#end(), templates: () => this.#openTemplates() } });
 */
export class ShortcutController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #scope: ShortcutScope;
  readonly #handlers: ShortcutHandlers;
  readonly #isComposer: (target: Element) => boolean;
  #lastInteraction = 0;

  readonly #onInteraction = (): void => {
    this.#lastInteraction = ++lastInteraction;
  };

  readonly #onElementKeydown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.repeat || composing(e)) return;
    const action = shortcutFor(e);
    if (!action) return;
    if (action === 'send') {
      const origin = e.composedPath()[0];
      if (!(origin instanceof Element) || !this.#isComposer(origin)) return;
    }
    this.run(action, e);
  };

  readonly #onShortcutsChanged = (): void => this.#host.requestUpdate();

  constructor(host: ReactiveElement, options: ShortcutControllerOptions) {
    this.#host = host;
    this.#scope = options.scope;
    this.#handlers = options.handlers;
    this.#isComposer = options.isComposer ?? defaultIsComposer;
    host.addController(this);
  }

  /** When the agent last focused or clicked inside the host (a counter; 0 = never). */
  get lastInteraction(): number {
    return this.#lastInteraction;
  }

  /** Whether this controller has a handler for `action`. */
  handles(action: ShortcutAction): boolean {
    return this.#handlers[action] !== undefined;
  }

  /** Runs `action`'s handler for `event`; default-prevents and returns `true` if it handled it. */
  run(action: ShortcutAction, event: KeyboardEvent): boolean {
    const handler = this.#handlers[action];
    if (!handler || handler(event) === false) return false;
    event.preventDefault();
    return true;
  }

  /** The current binding of `action`, or `null` when it has none. */
  binding(action: ShortcutAction): ShortcutBinding | null {
    return current[action];
  }

  /** `action`'s binding for display (`Ctrl+Alt+T`, `⌃⌥T`), or `''` when it has none. */
  label(action: ShortcutAction, platform: ShortcutPlatform = detectPlatform()): string {
    const b = current[action];
    return b ? formatShortcut(b, platform) : '';
  }

  hostConnected(): void {
    this.#host.addEventListener('focusin', this.#onInteraction);
    this.#host.addEventListener('pointerdown', this.#onInteraction);
    window.addEventListener('cc-shortcuts-change', this.#onShortcutsChanged);
    if (this.#scope === 'element') {
      this.#host.addEventListener('keydown', this.#onElementKeydown);
      return;
    }
    if (globals.length === 0) window.addEventListener('keydown', onGlobalKeydown, true);
    if (!globals.includes(this)) globals.push(this);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('focusin', this.#onInteraction);
    this.#host.removeEventListener('pointerdown', this.#onInteraction);
    window.removeEventListener('cc-shortcuts-change', this.#onShortcutsChanged);
    this.#host.removeEventListener('keydown', this.#onElementKeydown);
    const index = globals.indexOf(this);
    if (index >= 0) globals.splice(index, 1);
    if (globals.length === 0) window.removeEventListener('keydown', onGlobalKeydown, true);
  }
}
