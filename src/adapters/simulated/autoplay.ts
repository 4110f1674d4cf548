/**
 * Random traffic: new offers on random channels while the agent is available, directory
 * agents whose availability drifts, and chat customers who type and answer the agent's
 * messages (webchat customers sometimes leave). Email answers live in email.ts.
 * @packageDocumentation
 */
import { CHANNELS } from '../../core/types.js';
import type { SimContext } from './context.js';
import { customerLeaves, customerMessage, customerTyping } from './customer.js';
import { DRIFT_AVAILABILITIES, OPENING_LINES, REPLY_LINES } from './data.js';
import { offer } from './offers.js';
import type { InteractionRecord as Rec } from './persistence.js';
import { WORKING } from './records.js';

/** Random traffic keeps at most this many interactions open at once. */
const AUTOPLAY_MAX_OPEN = 4;

/** Turns random traffic on or off; the first offer comes after a quarter of the interval. */
export function setAutoplay(ctx: SimContext, on: boolean): void {
  if (ctx.disposed || on === ctx.autoplay) return;
  ctx.autoplay = on;
  if (on) scheduleTick(ctx, ctx.autoplayIntervalMs / 4);
  else ctx.timers.clearKey('autoplay');
}

function scheduleTick(ctx: SimContext, ms: number): void {
  ctx.timers.set(ms, () => tick(ctx), { key: 'autoplay' });
}

function tick(ctx: SimContext): void {
  if (!ctx.autoplay) return;
  ctx.changed();
  scheduleTick(ctx, ctx.pace(0.75, 1.25));
  if (ctx.random.chance(0.3)) {
    const agent = ctx.random.pick([...ctx.directory.values()]);
    if (agent) ctx.directory.set(agent.id, { ...agent, availability: ctx.random.pick(DRIFT_AVAILABILITIES) });
  }
  const open = [...ctx.records.values()].filter((r) => r.status === 'offered' || WORKING.has(r.status)).length;
  if (ctx.availability !== 'available' || open >= AUTOPLAY_MAX_OPEN) return;
  const channel = ctx.random.pick(CHANNELS) ?? 'webchat';
  if (channel === 'email') offer(ctx, { channel, text: `Hello,\n\n${ctx.random.pick(OPENING_LINES)}\n\nThank you.` });
  else offer(ctx, { channel, text: ctx.random.pick(OPENING_LINES) });
}

/** The customer answers an agent message a while later: typing first, then a reply; webchat customers sometimes leave. */
export function scheduleReply(ctx: SimContext, rec: Rec): void {
  const key = `${rec.id}:reply`;
  const stillThere = (): boolean => ctx.autoplay && rec.customerPresent && WORKING.has(rec.status);
  if (rec.channel === 'webchat' && ctx.random.chance(0.1)) {
    ctx.timers.set(ctx.pace(0.2, 0.5), () => stillThere() && customerLeaves(ctx, rec.id), { owner: rec.id, key });
    return;
  }
  ctx.timers.set(
    ctx.pace(0.075, 0.2),
    () => {
      if (!stillThere()) return;
      customerTyping(ctx, rec.id);
      ctx.timers.set(
        Math.min(ctx.pace(0.075, 0.175), ctx.typingTimeoutMs * 0.9),
        () => stillThere() && customerMessage(ctx, rec.id, ctx.random.pick(REPLY_LINES), {}),
        { owner: rec.id, key },
      );
    },
    { owner: rec.id, key },
  );
}
