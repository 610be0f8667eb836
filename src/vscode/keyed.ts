/**
 * Caches one value per settings signature, so an object is built on first use and rebuilt only when its settings
 * change; a replaced value that holds resources (a provider's kept-alive connection) is disposed.
 */
export class Keyed<T extends object> {
  private key: string | undefined;
  private value: T | undefined;
  get(key: string, make: () => T): T {
    if (this.key !== key || this.value === undefined) {
      disposeOf(this.value);
      this.value = make();
      this.key = key;
    }
    return this.value;
  }

  dispose(): void {
    disposeOf(this.value);
    this.value = undefined;
    this.key = undefined;
  }
}

function disposeOf(value: object | undefined): void {
  const d = (value as { dispose?: unknown } | undefined)?.dispose;
  if (typeof d === 'function') (d as () => void).call(value);
}
