import { sum, type Cents } from './money';
import { discountFor, type Customer } from './pricing/discountEngine';

export interface CartLine {
  sku: string;
  title: string;
  unitPrice: Cents;
  quantity: number;
}

export class Cart {
  private readonly lines = new Map<string, CartLine>();
  private coupon: string | undefined;

  add(line: CartLine): void {
    const existing = this.lines.get(line.sku);
    if (existing) existing.quantity += line.quantity;
    else this.lines.set(line.sku, { ...line });
  }

  remove(sku: string): boolean {
    return this.lines.delete(sku);
  }

  applyCoupon(code: string): void {
    if (!/^[A-Z0-9]{6,12}$/.test(code)) throw new Error(`invalid coupon code: ${code}`);
    this.coupon = code;
  }

  subtotal(): Cents {
    return sum([...this.lines.values()].map((l) => l.unitPrice * l.quantity));
  }

  total(customer: Customer): Cents {
    const subtotal = this.subtotal();
    return subtotal - discountFor(customer, subtotal, this.coupon);
  }
}
