import { expect } from '@open-wc/testing';
import type { StoreError } from '../../src/core/store/store.js';
import type { Channel } from '../../src/core/types.js';
import { acceptContact } from '../helpers/dialogs.js';
import { createWrapupWorld, type WrapupWorld } from '../helpers/wrapup.js';
import { disposeWorlds, until, untilState } from '../helpers/world.js';

/** An accepted interaction of `channel`, ended by the agent: it is in wrap-up. */
async function inWrapup(world: WrapupWorld, channel: Channel): Promise<string> {
  const id = await acceptContact(world, channel);
  await world.store.end(id);
  await untilState(world.store, (s) => s.interactions[id]?.status === 'wrapup', 'wrap-up');
  return id;
}

function errorsOf(world: WrapupWorld): StoreError[] {
  const errors: StoreError[] = [];
  world.store.errors$.subscribe((e) => errors.push(e));
  return errors;
}

describe('auto wrap-up (store)', () => {
  afterEach(disposeWorlds);

  it('R-CTX-04: entering wrap-up sets the deadline; at expiry the policy reason is submitted automatically and the interaction moves to Recent', async () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 300, reasonId: 'wr-escalated' } } });
    expect(world.store.autoWrapupPolicy('sms')).to.deep.equal({ afterMs: 300, reasonId: 'wr-escalated' });
    expect(world.store.autoWrapupPolicy('webchat'), 'channels left out wrap up by hand').to.equal(undefined);
    const id = await acceptContact(world, 'sms');
    expect(world.store.state.interactions[id]?.autoWrapupAt, 'no deadline before wrap-up').to.equal(undefined);
    await world.store.end(id);
    await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt !== undefined, 'the deadline');
    const deadline = world.store.state.interactions[id]?.autoWrapupAt ?? 0;
    expect(deadline).to.be.greaterThan(Date.now() - 1000);

    await untilState(world.store, (s) => s.interactions[id] === undefined, 'auto wrap-up');
    expect(world.simulator.interaction(id)?.wrapupReasonIds).to.deep.equal(['wr-escalated']);
    expect(world.simulator.wrapups.at(-1)).to.deep.equal({ interactionId: id, reasonIds: ['wr-escalated'], automatic: true });
    const recent = world.store.state.recent[0];
    expect(recent?.interaction.id).to.equal(id);
    expect(recent?.interaction).not.to.have.property('autoWrapupAt');
    expect(recent?.wrapup, 'named, even though nothing listed the reasons before').to.deep.equal({
      reasonIds: ['wr-escalated'],
      reasonNames: ['Escalated'],
      automatic: true,
    });
  });

  it('R-CTX-04: without a reason in the policy, the first reason the channel lists is submitted', async () => {
    const world = createWrapupWorld({ autoWrapup: { messenger: { afterMs: 300 } } });
    const id = await inWrapup(world, 'messenger');
    await untilState(world.store, (s) => s.recent.length === 1, 'auto wrap-up');
    expect(world.simulator.interaction(id)?.wrapupReasonIds).to.deep.equal(['wr-resolved']);
    expect(world.store.state.recent[0]?.wrapup?.reasonNames).to.deep.equal(['Resolved']);
  });

  it('R-CTX-04: Extend moves the deadline by extendMs (or the given time); without auto wrap-up it says false', async () => {
    const world = createWrapupWorld({ autoWrapup: { webchat: { afterMs: 1500, extendMs: 60_000 } } });
    const id = await inWrapup(world, 'webchat');
    await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt !== undefined, 'the deadline');
    const first = world.store.state.interactions[id]?.autoWrapupAt ?? 0;
    expect(world.store.extendAutoWrapup(id)).to.equal(true);
    await untilState(world.store, (s) => (s.interactions[id]?.autoWrapupAt ?? 0) > first, 'the later deadline');
    const extended = world.store.state.interactions[id]?.autoWrapupAt ?? 0;
    expect(extended - first).to.equal(60_000);
    expect(world.store.extendAutoWrapup(id, 1000)).to.equal(true);
    await untilState(world.store, (s) => (s.interactions[id]?.autoWrapupAt ?? 0) > extended, 'extended again');
    expect((world.store.state.interactions[id]?.autoWrapupAt ?? 0) - extended).to.equal(1000);
    await until(() => Date.now() > first + 300, 'the first deadline to pass');
    expect(world.store.state.interactions[id]?.status).to.equal('wrapup');
    expect(world.simulator.wrapups).to.have.length(0);

    const manual = createWrapupWorld();
    const other = await inWrapup(manual, 'webchat');
    expect(manual.store.extendAutoWrapup(other)).to.equal(false);
    expect(manual.store.state.interactions[other]).not.to.have.property('autoWrapupAt');
  });

  it('R-CTX-04: a manual submit stops the countdown; nothing is submitted automatically afterwards', async () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 300 } } });
    const id = await inWrapup(world, 'sms');
    await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt !== undefined, 'the deadline');
    await world.store.submitWrapup(id, ['wr-opt-out'], { notes: '  Asked to stop texts  ' });
    await untilState(world.store, (s) => s.recent.length === 1, 'wrapped up');
    await new Promise((r) => setTimeout(r, 600));
    expect(world.simulator.wrapups).to.deep.equal([{ interactionId: id, reasonIds: ['wr-opt-out'], notes: 'Asked to stop texts' }]);
    expect(world.store.state.recent[0]?.wrapup?.automatic).to.equal(false);
  });

  it('R-CTX-04: a manual submit while the expired countdown still lists the reasons is the only one sent', async () => {
    // Slow enough that the agent submits while the automatic wrap-up waits for the channel's reasons.
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 200 } }, simulator: { latencyMs: 500 } });
    const id = await inWrapup(world, 'sms');
    await until(() => world.simulator.reasonLists.length === 1, 'the automatic wrap-up to list the reasons', 5000);
    const submitting = world.store.submitWrapup(id, ['wr-opt-out']);
    // The countdown (run out, about to submit) no longer shows while the agent's submit is on its way.
    await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt === undefined, 'the countdown to go');
    expect(world.store.state.interactions[id]?.status).to.equal('wrapup');
    await submitting;
    await untilState(world.store, (s) => s.recent.length === 1, 'wrapped up');
    await new Promise((r) => setTimeout(r, 800));
    expect(world.simulator.wrapups).to.deep.equal([{ interactionId: id, reasonIds: ['wr-opt-out'] }]);
    expect(world.store.state.recent[0]?.wrapup).to.deep.include({ reasonIds: ['wr-opt-out'], automatic: false });
  });

  it('R-CTX-04: a manual submit while the automatic one is on its way waits for it and sends nothing more', async () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 200, reasonId: 'wr-escalated' } }, simulator: { latencyMs: 500 } });
    const errors = errorsOf(world);
    const id = await inWrapup(world, 'sms');
    await until(() => world.simulator.wrapups.length === 1, 'the automatic submit to go', 5000);
    await world.store.submitWrapup(id, ['wr-opt-out']);
    expect(world.store.state.interactions[id], 'wrapped up once the automatic submit is through').to.equal(undefined);
    await new Promise((r) => setTimeout(r, 800));
    expect(world.simulator.wrapups).to.deep.equal([{ interactionId: id, reasonIds: ['wr-escalated'], automatic: true }]);
    expect(world.store.state.recent[0]?.wrapup).to.deep.include({ reasonIds: ['wr-escalated'], automatic: true });
    expect(errors).to.deep.equal([]);
  });

  it('R-CTX-04: a manual submit while the automatic one is on its way goes once the automatic one failed', async () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 200, reasonId: 'wr-escalated' } }, simulator: { latencyMs: 500 } });
    world.simulator.failOnce('submitWrapup');
    const id = await inWrapup(world, 'sms');
    await until(() => world.simulator.wrapups.length === 1, 'the automatic submit to go', 5000);
    await world.store.submitWrapup(id, ['wr-opt-out']);
    await untilState(world.store, (s) => s.recent.length === 1, 'wrapped up by hand');
    expect(world.simulator.wrapups.map((w) => w.reasonIds)).to.deep.equal([['wr-escalated'], ['wr-opt-out']]);
    expect(world.store.state.recent[0]?.wrapup).to.deep.include({ reasonIds: ['wr-opt-out'], automatic: false });
  });

  it('R-CTX-04: a failed manual submit clears the countdown and keeps the interaction in wrap-up', async () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: 300 } } });
    const id = await inWrapup(world, 'sms');
    await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt !== undefined, 'the deadline');
    world.simulator.failOnce('submitWrapup');
    let failed = false;
    await world.store.submitWrapup(id, ['wr-resolved']).catch(() => (failed = true));
    expect(failed).to.equal(true);
    await new Promise((r) => setTimeout(r, 600));
    expect(world.store.state.interactions[id]?.status).to.equal('wrapup');
    expect(world.store.state.interactions[id]).not.to.have.property('autoWrapupAt');
    expect(world.simulator.wrapups, 'only the agent submitted').to.have.length(1);
  });

  it('R-CTX-04: when the automatic submit fails, the interaction stays in wrap-up without a deadline and the error is reported', async () => {
    const world = createWrapupWorld({ autoWrapup: { email: { afterMs: 300, reasonId: 'wr-info-sent' } } });
    const errors = errorsOf(world);
    world.simulator.failOnce('submitWrapup');
    const id = await inWrapup(world, 'email');
    await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt !== undefined, 'the deadline');
    await untilState(world.store, (s) => s.interactions[id]?.autoWrapupAt === undefined, 'the failed auto wrap-up');
    expect(world.store.state.interactions[id]?.status).to.equal('wrapup');
    expect(world.store.state.interactions[id]?.wrapup?.automatic, 'what was tried stays visible').to.equal(true);
    expect(errors.some((e) => e.command === 'submitWrapup' && e.interactionId === id)).to.equal(true);
    expect(world.store.extendAutoWrapup(id), 'nothing left to extend').to.equal(false);

    await world.store.submitWrapup(id, ['wr-resolved']);
    await untilState(world.store, (s) => s.recent.length === 1, 'wrapped up by hand');
    expect(world.store.state.recent[0]?.wrapup).to.deep.include({ reasonIds: ['wr-resolved'], automatic: false });
  });

  it('R-CTX-04: an invalid policy turns auto wrap-up off for its channel', () => {
    const world = createWrapupWorld({ autoWrapup: { sms: { afterMs: Number.NaN }, email: { afterMs: -1 } } });
    expect(world.store.autoWrapupPolicy('sms')).to.equal(undefined);
    expect(world.store.autoWrapupPolicy('email')).to.equal(undefined);
  });
});
