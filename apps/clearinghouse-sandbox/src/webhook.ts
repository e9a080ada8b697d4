// InstaMed-style completion notices to the portal's webhook. Sent in the background after a
// payment is recorded, retried with backoff, and never able to fail the payment itself: the
// outcome of each attempt is written on the payment (store.recordWebhookOutcome) for the index page.
import type { NoticeEncoding } from '@kinpay/remittance';
import { renderNotice } from './reports.ts';
import type { PaymentRecord, PaymentStore } from './store.ts';

export interface WebhookOptions {
  /** The portal's origin, e.g. http://localhost:4000; notices go to `<url>/webhooks/instamed/<Payment ID>`. */
  url: string;
  /** Sent as `Authorization: Bearer <secret>`. */
  secret: string;
  /** How notices are encoded, as InstaMed lets a practice choose: json (default), xml or nvp. */
  encoding?: NoticeEncoding;
  /** Waits before the 2nd, 3rd, ... attempt. Default 1 s, 5 s, 30 s (four attempts in all). */
  retryDelaysMs?: readonly number[];
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000];
/** Answers that will not change by asking again: stop retrying. */
const PERMANENT = new Set([400, 401, 403, 404, 405, 410, 413, 415, 422]);

export class WebhookNotifier {
  readonly #store: PaymentStore;
  readonly #base: string;
  readonly #secret: string;
  readonly #delays: readonly number[];
  readonly #timeoutMs: number;
  readonly #encoding: NoticeEncoding;
  readonly #pending = new Set<Promise<void>>();
  readonly #timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  #closed = false;

  constructor(store: PaymentStore, options: WebhookOptions) {
    this.#store = store;
    this.#base = options.url.replace(/\/+$/, '');
    this.#secret = options.secret;
    this.#delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#encoding = options.encoding ?? 'json';
  }

  /** The notices' encoding: json, xml or nvp. */
  get encoding(): NoticeEncoding {
    return this.#encoding;
  }

  /** Where notices go, for people: `<url>/webhooks/instamed/<Payment ID>`. */
  get target(): string {
    return `${this.#base}/webhooks/instamed/<Payment ID>`;
  }

  /** Where a practice's notices go. */
  endpoint(practiceClearinghouseId: string): string {
    return `${this.#base}/webhooks/instamed/${encodeURIComponent(practiceClearinghouseId)}`;
  }

  /** Starts delivering the payment's notice in the background. InstaMed payments only: Waystar sends none. */
  notify(payment: PaymentRecord): void {
    if (payment.clearinghouse !== 'INSTAMED' || this.#closed) return;
    const delivery = this.#deliver(payment).catch((error: unknown) => {
      console.error('Webhook notice failed unexpectedly:', error);
    });
    this.#pending.add(delivery);
    void delivery.finally(() => this.#pending.delete(delivery));
  }

  /** Resolves once every notice started so far is delivered or given up on (or cut short by close()). */
  async idle(): Promise<void> {
    while (this.#pending.size) await Promise.all([...this.#pending]);
  }

  /** Stops: no new notices, pending retries are dropped (their last outcome stays on the payment). */
  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers) {
      clearTimeout(t.timer);
      t.wake();
    }
    await this.idle();
  }

  async #deliver(payment: PaymentRecord): Promise<void> {
    const url = this.endpoint(payment.practiceClearinghouseId);
    const notice = renderNotice(payment, this.#encoding);
    for (let attempt = 1; ; attempt++) {
      const error = await this.#post(url, notice);
      const lastAttemptAt = new Date().toISOString();
      if (error === null) {
        this.#store.recordWebhookOutcome(payment.transactionId, { attempts: attempt, lastAttemptAt, deliveredAt: lastAttemptAt });
        return;
      }
      const delay = this.#delays[attempt - 1];
      const retry = delay !== undefined && !error.permanent && !this.#closed;
      const lastError = retry ? error.message : `${error.message} (gave up after ${attempt} attempt${attempt === 1 ? '' : 's'})`;
      this.#store.recordWebhookOutcome(payment.transactionId, { attempts: attempt, lastAttemptAt, lastError });
      if (!retry || !(await this.#sleep(delay))) return;
    }
  }

  /** null on a 2xx answer, else what went wrong. */
  async #post(url: string, notice: { body: string; contentType: string }): Promise<{ message: string; permanent: boolean } | null> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.#secret}`, 'content-type': notice.contentType },
        body: notice.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      const text = await response.text().catch(() => '');
      if (response.ok) return null;
      const detail = text.trim().replace(/\s+/g, ' ').slice(0, 200);
      return { message: `The portal answered ${response.status}${detail ? `: ${detail}` : ''}`, permanent: PERMANENT.has(response.status) };
    } catch (error) {
      const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
      const reason = typeof cause?.code === 'string' ? cause.code : error instanceof Error ? error.message : String(error);
      return { message: `Could not reach ${url}: ${reason}`, permanent: false };
    }
  }

  /** Resolves true after the delay, false when close() cut it short. */
  #sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.#timers.delete(entry);
          resolve(true);
        }, ms),
        wake: () => resolve(false),
      };
      entry.timer.unref();
      this.#timers.add(entry);
    });
  }
}
