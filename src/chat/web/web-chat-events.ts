import { EventEmitter } from 'node:events';

/**
 * "Something changed in this person's web chat conversation": lets the live stream of a browser
 * wake up at once. Changes made by another process (a `rituel tick` on the same PostgreSQL) are
 * found by the stream's periodic check instead.
 */
export class WebChatEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  changed(personId: string): void {
    this.emitter.emit(personId);
  }

  /** Calls `listener` on every change of the person's conversation; returns the unsubscribe function. */
  subscribe(personId: string, listener: () => void): () => void {
    this.emitter.on(personId, listener);
    return () => this.emitter.off(personId, listener);
  }
}
