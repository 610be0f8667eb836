/** Caches one value per settings signature, so an object is built on first use and rebuilt only when its settings change. */
export class Keyed<T> {
  private key: string | undefined;
  private value: T | undefined;
  get(key: string, make: () => T): T {
    if (this.key !== key || this.value === undefined) { this.value = make(); this.key = key; }
    return this.value;
  }
}
