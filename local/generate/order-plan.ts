/**
 * Plans one order from start to finish: its line items (with the times they were added,
 * removed or refunded), its money, and the states it goes through over the game.
 */
import type { SeededRandom } from './seeded-random.ts';
import { MENU, type RevenueCenter, SERVICE_CHARGE } from './stadium.ts';

export interface PlannedPromotion {
  readonly uuid: string;
  readonly discountCents: number;
}

export interface PlannedLineItem {
  readonly uuid: string;
  readonly name: string;
  readonly sku: string;
  readonly priceCents: number;
  readonly createdAtMs: number;
  removedAtMs: number | null;
  refundedAtMs: number | null;
  readonly promotions: readonly PlannedPromotion[];
}

export interface PlannedState {
  readonly state: string;
  readonly timeMs: number;
}

export interface OrderPlan {
  readonly uuid: string;
  readonly confirmationNumber: string;
  readonly center: RevenueCenter;
  readonly deviceUuid: string;
  readonly userUuid: string;
  readonly employee: { readonly name: string; readonly id: string } | null;
  readonly createdAtMs: number;
  readonly lineItems: PlannedLineItem[];
  /** Tip as a share of the active items, fixed when the order is placed. */
  readonly tipRate: number;
  /** How the discount is written: cents ("150") or dollars ("1.50"); both occur in feeds. */
  readonly discountInDollars: boolean;
  /** The state history in time order: one event is published per entry. */
  readonly states: PlannedState[];
  readonly transactions: PlannedState[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export function planOrder(random: SeededRandom, center: RevenueCenter, createdAtMs: number) {
  const createdAt = wholeSecond(createdAtMs);
  const plan: OrderPlan = {
    uuid: random.uuid(),
    confirmationNumber: String(random.int(1000, 9999)),
    center,
    deviceUuid: random.uuid(),
    userUuid: random.uuid(),
    employee: center.kind === 'mobile' ? null : employee(random),
    createdAtMs: createdAt,
    lineItems: [],
    tipRate:
      center.kind === 'stand' ? (random.chance(0.2) ? 0.1 : 0) : random.pick([0.15, 0.18, 0.2]),
    discountInDollars: random.chance(0.5),
    states: [],
    transactions: [],
  };

  if (center.kind === 'suite') planTab(random, plan);
  else planCounterOrder(random, plan);
  if (plan.states.at(-1)?.state === 'completed' && random.chance(0.05)) planRefund(random, plan);
  return plan;
}

/** A suite tab: opened, items added through the game, sometimes one removed, then paid. */
function planTab(random: SeededRandom, plan: OrderPlan): void {
  const start = plan.createdAtMs;
  const processing = start + random.int(30, 150) * MINUTE;
  plan.states.push({ state: 'tabbed', timeMs: start });
  plan.transactions.push({ state: 'authorized', timeMs: start + SECOND });

  const rounds = random.int(1, 4);
  for (let round = 0; round < rounds; round++) {
    const at = round === 0 ? start : random.int(start, processing - MINUTE);
    addItems(random, plan, wholeSecond(at));
  }
  const food = plan.lineItems.reduce((sum, item) => sum + item.priceCents, 0);
  addLineItem(random, plan, {
    name: SERVICE_CHARGE.name,
    sku: SERVICE_CHARGE.sku,
    priceCents: Math.round(food * SERVICE_CHARGE.rate),
    createdAtMs: start,
  });
  const removable = plan.lineItems[0];
  if (removable && plan.lineItems.length > 2 && random.chance(0.15)) {
    removable.removedAtMs = wholeSecond(random.int(removable.createdAtMs, processing - SECOND));
  }

  plan.states.push({ state: 'processing', timeMs: wholeSecond(processing) });
  const pending = wholeSecond(processing) + random.int(1, 3) * SECOND;
  plan.states.push({ state: 'completion_pending', timeMs: pending });
  plan.states.push({ state: 'completed', timeMs: pending + random.int(1, 10) * MINUTE });
  plan.transactions.push({ state: 'captured', timeMs: pending + SECOND });
}

/** A stand or mobile order: placed and paid at once, then prepared and handed over. */
function planCounterOrder(random: SeededRandom, plan: OrderPlan): void {
  const start = plan.createdAtMs;
  addItems(random, plan, start);
  plan.states.push({ state: 'processing', timeMs: start });
  plan.transactions.push({ state: 'authorized', timeMs: start + SECOND });

  const cancelled = random.chance(plan.center.kind === 'mobile' ? 0.05 : 0.03);
  if (cancelled) {
    plan.states.push({ state: 'cancelled', timeMs: start + random.int(1, 5) * MINUTE });
    return;
  }
  if (plan.center.kind === 'mobile') {
    const pending = start + random.int(3, 15) * MINUTE;
    plan.states.push({ state: 'completion_pending', timeMs: pending });
    plan.states.push({ state: 'completed', timeMs: pending + random.int(1, 6) * MINUTE });
  } else {
    plan.states.push({ state: 'completed', timeMs: start + random.int(10, 90) * SECOND });
  }
  const completed = plan.states.at(-1)?.timeMs ?? start;
  plan.transactions.push({ state: 'captured', timeMs: completed + SECOND });
}

/** A refund after the fact: one active item is refunded; the order's total stays as paid. */
function planRefund(random: SeededRandom, plan: OrderPlan): void {
  const completed = plan.states.at(-1)?.timeMs ?? plan.createdAtMs;
  const refundedAt = completed + random.int(5, 40) * MINUTE;
  const active = plan.lineItems.filter((item) => item.removedAtMs === null);
  const item = random.pick(active);
  item.refundedAtMs = refundedAt;
  plan.states.push({ state: 'refunded', timeMs: refundedAt });
  plan.transactions.push({ state: 'refunded', timeMs: refundedAt + SECOND });
}

function addItems(random: SeededRandom, plan: OrderPlan, atMs: number): void {
  const kinds = random.int(1, 3);
  for (let kind = 0; kind < kinds; kind++) {
    const item = random.pick(MENU);
    const quantity = random.int(1, 4);
    // The feed has one line item per unit, as the document's sample does.
    for (let unit = 0; unit < quantity; unit++)
      addLineItem(random, plan, { ...item, createdAtMs: atMs });
  }
}

function addLineItem(
  random: SeededRandom,
  plan: OrderPlan,
  item: { name: string; sku: string; priceCents: number; createdAtMs: number },
): void {
  const promoted = random.chance(0.08);
  const promotions = promoted
    ? [{ uuid: random.uuid(), discountCents: random.pick([0, 100, 150, 250]) }]
    : [];
  plan.lineItems.push({
    uuid: random.uuid(),
    ...item,
    removedAtMs: null,
    refundedAtMs: null,
    promotions,
  });
}

function employee(random: SeededRandom) {
  const number = random.int(1, 60);
  return { name: `Cashier ${String(number).padStart(2, '0')}`, id: `E${1000 + number}` };
}

function wholeSecond(ms: number): number {
  return Math.floor(ms / SECOND) * SECOND;
}
