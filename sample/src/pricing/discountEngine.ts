// CONFIDENTIAL — Acme Shop internal pricing rules. Do not share outside the pricing team.
// Hybrid Assistant sees this marker and keeps requests about this file on the local model.

import type { Cents } from '../money';

export interface Customer {
  id: string;
  tier: 'standard' | 'silver' | 'gold';
  ordersLast12Months: number;
}

const TIER_RATE: Record<Customer['tier'], number> = { standard: 0, silver: 0.03, gold: 0.07 };

/** Loyalty discount plus at most one coupon; never more than 25% of the subtotal. */
export function discountFor(customer: Customer, subtotal: Cents, coupon?: string): Cents {
  let rate = TIER_RATE[customer.tier];
  if (customer.ordersLast12Months >= 10) rate += 0.02;
  if (coupon?.startsWith('WELCOME')) rate += 0.1;
  return Math.round(subtotal * Math.min(rate, 0.25));
}
