"""Prints revenue per product from an orders CSV (sku,quantity,unit_price_cents)."""

import csv
import sys
from collections import defaultdict


def revenue_by_sku(path: str) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            totals[row["sku"]] += int(row["quantity"]) * int(row["unit_price_cents"])
    return dict(totals)


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "data/orders.csv"
    for sku, cents in sorted(revenue_by_sku(path).items(), key=lambda kv: -kv[1]):
        print(f"{sku:<12} {cents / 100:>10.2f}")


if __name__ == "__main__":
    main()
