// Money is kept in integer cents to avoid floating-point rounding in totals.

export type Cents = number;

export function cents(amount: number): Cents {
  return Math.round(amount * 100);
}

export function formatMoney(value: Cents, currency = 'EUR', locale = 'de-DE'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value / 100);
}

export function sum(values: readonly Cents[]): Cents {
  return values.reduce((total, v) => total + v, 0);
}
