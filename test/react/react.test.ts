// First, so it sees every element the imports below (and src/index.ts) register.
import { definedElements } from '../helpers/defined-elements.js';
import { expect, fixture, html } from '@open-wc/testing';
// Default imports: React ships CommonJS, which the test server converts to ESM with a default export only.
import React, { type ComponentType } from 'react';
import ReactDOMClient, { type Root } from 'react-dom/client';
import type { CcSendDetail } from '../../src/element-events.js';
import * as wrappers from '../../src/react/index.js';
import { CcChatWidget } from '../../src/react/index.js';
import '../../src/index.js';
import { button, createWorld, disposeWorlds, shadow, until, untilState } from '../helpers/world.js';

interface ManifestEvent {
  readonly name: string;
}
interface ManifestDeclaration {
  readonly name: string;
  readonly tagName?: string;
  readonly events?: readonly ManifestEvent[];
}
interface Manifest {
  readonly modules: readonly { readonly declarations?: readonly ManifestDeclaration[] }[];
}

/** `cc-agent-state-change` → `onCcAgentStateChange`, the prop @lit/react wires to it. */
const propFor = (event: string): string => `on${event.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase())}`;

describe('cc-digital-widgets/react (@lit/react wrappers)', () => {
  let root: Root | undefined;

  afterEach(() => {
    root?.unmount();
    root = undefined;
    disposeWorlds();
  });

  async function mount(node: ReturnType<typeof React.createElement>): Promise<HTMLElement> {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    root = ReactDOMClient.createRoot(container);
    root.render(node);
    return container;
  }

  it('renders <CcChatWidget store={store} onCcSend={…}/> on the simulator; the event prop fires on Send', async () => {
    const { simulator, store } = createWorld();
    const id = simulator.offer({ channel: 'webchat', customerName: 'Jane Doe', text: 'Hi from the simulator' });
    await store.accept(id);
    const sent: CcSendDetail[] = [];

    const container = await mount(React.createElement(CcChatWidget, { store, channel: 'webchat', onCcSend: (e) => sent.push(e.detail) }));
    await until(() => container.querySelector('cc-chat-widget')?.shadowRoot?.querySelector('textarea') != null, 'the chat pane');
    const el = container.querySelector('cc-chat-widget');
    if (!el) throw new Error('no <cc-chat-widget>');

    // `store` is set as a property (an object), not stringified into an attribute.
    expect(el.store).to.equal(store);
    expect(el.hasAttribute('store')).to.be.false;
    expect(el.getAttribute('channel')).to.equal('webchat');
    expect(shadow(el, 'header').textContent).to.contain('Jane Doe');
    expect(el.shadowRoot?.textContent).to.contain('Hi from the simulator');

    el.draft = 'Hello from React';
    await el.updateComplete;
    button(el, 'Send').click();

    expect(sent).to.deep.equal([{ interactionId: id, channel: 'webchat', text: 'Hello from React' }]);
    await untilState(store, (s) => s.interactions[id]?.messages.some((m) => m.author === 'agent' && m.text === 'Hello from React') ?? false, 'the sent message');
  });

  it('wraps every element of custom-elements.json, with an on… prop for each of its cc-* events', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName?.startsWith('cc-'));
    expect(declarations.length).to.be.greaterThan(0);
    const components = wrappers as unknown as Record<string, ComponentType<Record<string, unknown>> | undefined>;

    for (const declaration of declarations) {
      const Component = components[declaration.name];
      expect(Component, `no React wrapper ${declaration.name} for <${declaration.tagName}> in src/react/index.ts`).to.exist;
      if (!Component) continue;
      const events = (declaration.events ?? []).map((e) => e.name).filter((name) => name.startsWith('cc-'));
      const received: string[] = [];
      const props = Object.fromEntries(events.map((name) => [propFor(name), (e: Event) => received.push(e.type)]));

      const container = await mount(React.createElement(Component, props));
      await until(() => container.firstElementChild !== null, `<${declaration.tagName}>`);
      const el = container.firstElementChild;
      expect(el?.localName).to.equal(declaration.tagName);
      for (const name of events) el?.dispatchEvent(new CustomEvent(name, { detail: {}, bubbles: true, composed: true }));
      expect(received, `<${declaration.tagName}> event props`).to.deep.equal(events);
      root?.unmount();
      root = undefined;
    }
  });

  it('exports a wrapper for every registered cc-* element, with its class name as displayName', () => {
    const elements = [...definedElements()].filter(([tag]) => tag.startsWith('cc-'));
    expect(elements.length).to.be.greaterThan(0);
    const components = wrappers as unknown as Record<string, { readonly displayName?: string } | undefined>;

    for (const [tag, elementClass] of elements) {
      expect(customElements.get(tag), `<${tag}> registered`).to.equal(elementClass);
      const Component = components[elementClass.name];
      expect(Component, `no React wrapper ${elementClass.name} for <${tag}> in src/react/index.ts`).to.exist;
      expect(Component?.displayName, `displayName of the <${tag}> wrapper`).to.equal(elementClass.name);
    }
  });
});
