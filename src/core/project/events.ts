import type { Disposable } from './host';

/** Subscribes a listener; dispose the result to unsubscribe. */
export type Event<T> = (listener: (e: T) => void) => Disposable;

/** A minimal event emitter with VS Code's shape, so hosts can forward events as they are. */
export class Emitter<T> implements Disposable {
  private listeners: ((e: T) => void)[] = [];

  readonly event: Event<T> = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };

  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }

  dispose(): void {
    this.listeners = [];
  }
}
