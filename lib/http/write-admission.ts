// Readers first: at most a few public form POSTs (signing, confirming, an erasure request) are inside Next at once;
// the others wait here, costing nothing, until one of those has been answered. A viral case is read far more than
// it is signed, and a reader's request waits for whatever work the event loop holds ahead of it: with fifty sign
// POSTs in progress that was every one of their parsing, action and transaction steps (a reader's p50 rose from 3
// to 54 ms during a signing burst). With a few in progress, a reader waits for a few (decision 033).
// Signing throughput is what the CPU allows either way: the waiting POSTs did no work while they waited.
import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCALES } from "../i18n/locales";

const PUBLIC_PAGE = new RegExp(`^/(?:${LOCALES.join("|")})(?:/|$)`);

/** Whether a request is a public form POST (a server action of a page under a language), the writes limited here. */
export function isPublicWrite(request: IncomingMessage): boolean {
  return request.method === "POST" && PUBLIC_PAGE.test(request.url ?? "");
}

export class WriteAdmission {
  private inside = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Runs `handle` now if fewer than `limit` writes are inside, or once one of them has been answered (or its
   * client went away). The order of arrival is kept. */
  admit(response: ServerResponse, handle: () => void): void {
    const enter = () => {
      this.inside++;
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        this.inside--;
        this.waiting.shift()?.();
      };
      response.once("finish", leave);
      response.once("close", leave);
      handle();
    };
    if (this.inside < this.limit) {
      enter();
      return;
    }
    // a client that goes away while waiting leaves the queue without ever reaching Next
    const gone = () => {
      const at = this.waiting.indexOf(turn);
      if (at >= 0) this.waiting.splice(at, 1);
    };
    const turn = () => {
      response.off("close", gone);
      enter();
    };
    response.once("close", gone);
    this.waiting.push(turn);
  }

  /** Writes inside Next, and waiting. */
  get counts(): { inside: number; waiting: number } {
    return { inside: this.inside, waiting: this.waiting.length };
  }
}
