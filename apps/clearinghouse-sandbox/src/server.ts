// The clearinghouse sandbox: stand-ins for InstaMed's and Waystar's hosted payment pages that
// accept only test cards, the clearinghouses' report feed (end-of-day files), InstaMed-style
// notices to the portal's webhook, captured mail, and a small JSON API for tests. The store owns
// every payment and settlement batch.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import {
  renderConfirmation,
  renderIndex,
  renderMailList,
  renderMailMessage,
  renderMessagePage,
  renderPaymentPage,
  type FormErrors,
  type FormValues,
} from './html.ts';
import { MailBox } from './mail.ts';
import {
  CONTENT_TYPES,
  DEFAULT_IMDPA_VERSION,
  FEED_FORMATS,
  IMDPA_VERSIONS,
  feedChoices,
  parseFeedFormat,
  parseImdpaVersion,
  renderReport,
  reportName,
  type FeedChoice,
} from './reports.ts';
import { PaymentRejected, type PaymentFilter, type PaymentRecord, type PaymentStore, type SettlementBatch } from './store.ts';
import {
  checkAccountNumber,
  checkAmount,
  checkAmountCents,
  checkExpiry,
  checkPayerName,
  checkTestCard,
  CLEARINGHOUSE_NAMES,
  parseInstaMedId,
  parsePracticeId,
  parseWaystarSiteId,
  type CardType,
  type ClearinghouseCode,
} from './validation.ts';
import type { WebhookNotifier } from './webhook.ts';

export interface SandboxOptions {
  store: PaymentStore;
  /** Sends InstaMed notices to the portal after each payment; none when absent. */
  webhook?: WebhookNotifier;
  /** The messages the mail capture received, for /mail and /api/mail; an empty box when absent. */
  mail?: MailBox;
}

const INSTAMED_PATH = '/Form/PaymentPortal/Default';
const WAYSTAR_PATH = '/waystar/pay';

/** First path segments the InstaMed short form (`/<PaymentID>`) must never take over. */
const RESERVED_SEGMENTS = new Set(['api', 'healthz', 'form', 'waystar', 'receipt', 'mail', 'favicon.ico', 'robots.txt']);

/** Where a recorded payment goes next: the portal's webhook, when configured. */
type OnRecorded = (payment: PaymentRecord) => void;

export function createSandboxApp({ store, webhook, mail = new MailBox() }: SandboxOptions): Express {
  const onRecorded: OnRecorded = (payment) => webhook?.notify(payment);
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });
  app.get('/robots.txt', (_req, res) => {
    res.type('text/plain').send('User-agent: *\nDisallow: /\n');
  });
  app.get('/', (_req, res) => {
    sendHtml(res, 200, renderIndex(store.list(), { batches: store.batches(), webhookTo: webhook?.target ?? null, webhookEncoding: webhook?.encoding }));
  });

  app.get('/mail', (_req, res) => {
    sendHtml(res, 200, renderMailList(mail.list()));
  });
  app.get('/mail/:id', (req, res) => {
    const message = mail.get(req.params.id);
    if (!message)
      return sendHtml(
        res,
        404,
        renderMessagePage({ title: 'Unknown message', message: 'There is no captured message with this number (the newest 200 are kept).' }),
      );
    sendHtml(res, 200, renderMailMessage(message));
  });

  app.use('/api', createApiRouter(store, onRecorded, mail));

  const form = express.urlencoded({ extended: false, limit: '16kb' });

  app.get(INSTAMED_PATH, (req, res) => {
    const id = parseInstaMedId(req.query.id);
    if (!id) return sendUnknownPage(res);
    sendHtml(res, 200, renderPaymentPage({ clearinghouse: 'INSTAMED', practiceId: id, action: instamedPath(id) }));
  });
  app.post(INSTAMED_PATH, form, (req, res) => {
    const id = parseInstaMedId(req.query.id);
    if (!id) return sendUnknownPage(res);
    handlePayment(store, onRecorded, req, res, { clearinghouse: 'INSTAMED', practiceId: id, action: instamedPath(id) });
  });

  app.get(`${WAYSTAR_PATH}/:siteId`, (req, res) => {
    const id = parseWaystarSiteId(req.params.siteId);
    if (!id) return sendUnknownPage(res);
    sendHtml(res, 200, renderPaymentPage({ clearinghouse: 'WAYSTAR', practiceId: id, action: waystarPath(id) }));
  });
  app.post(`${WAYSTAR_PATH}/:siteId`, form, (req, res) => {
    const id = parseWaystarSiteId(req.params.siteId);
    if (!id) return sendUnknownPage(res);
    handlePayment(store, onRecorded, req, res, { clearinghouse: 'WAYSTAR', practiceId: id, action: waystarPath(id) });
  });

  // The confirmation lives at its own address (POST, then redirect, then GET): reloading it
  // shows the receipt again instead of paying twice.
  app.get('/receipt/:transactionId', (req, res) => {
    const id = req.params.transactionId;
    const payment = /^[0-9a-f]{32}$/.test(id) ? store.get(id) : undefined;
    if (!payment) {
      return sendHtml(res, 404, renderMessagePage({ title: 'Unknown receipt', message: 'There is no payment with this transaction ID.' }));
    }
    sendHtml(res, 200, renderConfirmation(payment));
  });

  // InstaMed's short form, https://pay.instamed.com/<PaymentID>. Registered last so it shadows nothing.
  app.get('/:paymentId', (req, res, next) => {
    const raw = req.params.paymentId;
    if (!/^[a-z0-9.]+$/i.test(raw) || RESERVED_SEGMENTS.has(raw.toLowerCase())) return next();
    res.redirect(302, instamedPath(raw));
  });

  app.use((_req, res) => {
    sendHtml(res, 404, renderMessagePage({ title: 'Page not found', message: 'There is no page at this address.' }));
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = clientErrorStatus(error);
    if (status) {
      return sendHtml(res, status, renderMessagePage({ title: 'Request not accepted', message: 'The form could not be read. Go back and try again.' }));
    }
    console.error(error);
    sendHtml(res, 500, renderMessagePage({ title: 'Something went wrong', message: 'The sandbox could not handle this request.' }));
  });

  return app;
}

function handlePayment(
  store: PaymentStore,
  onRecorded: OnRecorded,
  req: Request,
  res: Response,
  page: { clearinghouse: ClearinghouseCode; practiceId: string; action: string },
): void {
  const body: unknown = req.body;
  const read = (name: string): string => {
    const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' ? value : '';
  };
  // What gets typed back into the form: everything except the card number.
  const values: FormValues = {
    accountNumber: read('accountNumber'),
    amount: read('amount'),
    payerName: read('payerName'),
    expiry: read('expiry'),
  };
  const errors: FormErrors = {};
  const account = checkAccountNumber(values.accountNumber);
  if (!account.ok) errors.accountNumber = account.message;
  const amount = checkAmount(values.amount);
  if (!amount.ok) errors.amount = amount.message;
  const name = checkPayerName(values.payerName);
  if (!name.ok) errors.payerName = name.message;
  const card = checkTestCard(read('cardNumber'));
  if (!card.ok) errors.cardNumber = card.message;
  const expiry = checkExpiry(values.expiry);
  if (!expiry.ok) errors.expiry = expiry.message;

  if (account.ok && amount.ok && name.ok && card.ok && expiry.ok) {
    try {
      const sale = store.recordSale({
        clearinghouse: page.clearinghouse,
        practiceClearinghouseId: page.practiceId,
        accountNumber: account.value,
        amountCents: amount.value,
        cardType: card.value.cardType,
        last4: card.value.last4,
        payerName: name.value,
      });
      onRecorded(sale);
      res.redirect(303, `/receipt/${sale.transactionId}`);
      return;
    } catch (error) {
      if (!(error instanceof PaymentRejected)) throw error;
      errors.amount = error.message;
    }
  }
  sendHtml(res, 422, renderPaymentPage({ ...page, values, errors }));
}

function createApiRouter(store: PaymentStore, onRecorded: OnRecorded, mail: MailBox): express.Router {
  const api = express.Router();
  api.use(express.json({ limit: '16kb' }));

  api.get('/payments', (req, res) => {
    const filter: PaymentFilter = {};
    const { practice, clearinghouse } = req.query;
    if (clearinghouse !== undefined) {
      const code = parseClearinghouse(clearinghouse);
      if (!code) return badRequest(res, 'clearinghouse must be INSTAMED or WAYSTAR.');
      filter.clearinghouse = code;
    }
    if (practice !== undefined) {
      if (typeof practice !== 'string') return badRequest(res, 'practice must be given once.');
      filter.practiceClearinghouseId = practice;
    }
    res.json({ payments: store.list(filter) });
  });

  api.post('/payments', (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return badRequest(res, 'Send a JSON object with Content-Type: application/json.');
    }
    const input = body as Record<string, unknown>;
    const unknownKeys = Object.keys(input).filter((key) => !API_KEYS.has(key));
    if (unknownKeys.length) return badRequest(res, `Unknown fields: ${unknownKeys.join(', ')}. Allowed: ${[...API_KEYS].join(', ')}.`);

    const clearinghouse = input.clearinghouse === undefined ? 'INSTAMED' : parseClearinghouse(input.clearinghouse);
    if (!clearinghouse) return badRequest(res, 'clearinghouse must be INSTAMED or WAYSTAR.');
    const practiceId = parsePracticeId(clearinghouse, input.practiceId);
    if (!practiceId) return badRequest(res, `practiceId must be a valid ${CLEARINGHOUSE_NAMES[clearinghouse]} practice ID.`);
    const amount = checkAmountCents(input.amountCents);
    if (!amount.ok) return badRequest(res, `amountCents: ${amount.message}`);
    const type = input.type ?? 'SALE';
    if (input.unknownAccount !== undefined && input.unknownAccount !== true) return badRequest(res, 'unknownAccount must be true, or left out.');

    try {
      if (type === 'SALE') {
        if (input.refundOf !== undefined) return badRequest(res, 'refundOf is only for type REFUND.');
        // The account the payer typed and the clearinghouse could not match; InstaMed's placeholder when not given.
        const account = checkAccountNumber(input.unknownAccount && input.accountNumber === undefined ? UNKNOWN_ACCOUNT : input.accountNumber);
        if (!account.ok) return badRequest(res, `accountNumber: ${account.message}`);
        const cardType = input.cardType ?? 'VISA';
        if (cardType !== 'VISA' && cardType !== 'MASTERCARD') return badRequest(res, 'cardType must be VISA or MASTERCARD.');
        const name = checkPayerName(input.payerName ?? '');
        if (!name.ok) return badRequest(res, `payerName: ${name.message}`);
        const payment = store.recordSale({
          clearinghouse,
          practiceClearinghouseId: practiceId,
          accountNumber: account.value,
          amountCents: amount.value,
          cardType,
          last4: TEST_CARD_LAST4[cardType],
          payerName: name.value,
          ...(input.unknownAccount ? { unknownAccount: true as const } : {}),
        });
        onRecorded(payment);
        return void res.status(201).json({ payment });
      }
      if (type === 'REFUND') {
        if (typeof input.refundOf !== 'string') return badRequest(res, 'refundOf (the sale’s transactionId) is required for type REFUND.');
        const sale = store.get(input.refundOf);
        if (!sale || sale.type !== 'SALE') return badRequest(res, `No sale with transactionId ${input.refundOf}.`);
        if (sale.clearinghouse !== clearinghouse || sale.practiceClearinghouseId !== practiceId) {
          return badRequest(res, 'The sale to refund belongs to another practice or clearinghouse.');
        }
        if (input.accountNumber !== undefined && input.accountNumber !== sale.accountNumber) {
          return badRequest(res, 'accountNumber differs from the sale’s; leave it out for a refund.');
        }
        if (input.cardType !== undefined || input.payerName !== undefined) {
          return badRequest(res, 'A refund goes back to the sale’s card: leave out cardType and payerName.');
        }
        if (input.unknownAccount !== undefined) return badRequest(res, 'A refund copies the sale’s account: leave out unknownAccount.');
        const payment = store.recordRefund({ refundOf: sale.transactionId, amountCents: amount.value });
        onRecorded(payment);
        return void res.status(201).json({ payment });
      }
      return badRequest(res, 'type must be SALE or REFUND.');
    } catch (error) {
      if (error instanceof PaymentRejected) return badRequest(res, error.message);
      throw error;
    }
  });

  api.delete('/payments', (_req, res) => {
    const deleted = store.size;
    store.clear();
    res.json({ deleted });
  });

  // The report feed. Listing settles first ("end of day on demand"): the practice's payments that
  // are in no report yet become a new report, so the portal's Fetch and Process Reports always
  // finds today's payments. Each report is one immutable settlement batch; fetching it again gives
  // the same bytes.
  api.get('/reports', (req, res) => {
    const query = readFeedQuery(req.query);
    if ('error' in query) return badRequest(res, query.error);
    store.settle(query.clearinghouse, query.practice);
    const batches = store.batches({ clearinghouse: query.clearinghouse, practiceClearinghouseId: query.practice });
    res.json({ reports: batches.map((batch) => describeReport(batch, query.choice)) });
  });

  api.post('/reports/settle', (req, res) => {
    const query = readFeedQuery(req.query);
    if ('error' in query) return badRequest(res, query.error);
    const batch = store.settle(query.clearinghouse, query.practice);
    res.json({ name: batch && reportName(batch, query.choice) });
  });

  api.get('/reports/:name', (req, res) => {
    const found = findReport(store.batches(), req.params.name);
    if (!found) return void res.status(404).json({ error: `No report named ${req.params.name}.` });
    res
      .status(200)
      .set({ 'Content-Type': CONTENT_TYPES[found.choice.format], 'Content-Disposition': `inline; filename="${req.params.name}"` })
      .send(renderReport(found.batch, found.choice));
  });

  api.get('/mail', (_req, res) => {
    res.json({ messages: mail.list() });
  });

  api.delete('/mail', (_req, res) => {
    res.json({ deleted: mail.clear() });
  });

  api.use((_req, res) => {
    res.status(404).json({ error: 'Not found' });
  });
  api.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = clientErrorStatus(error);
    if (status) {
      const parseFailed = (error as { type?: unknown }).type === 'entity.parse.failed';
      return void res.status(status).json({ error: parseFailed ? 'The body is not valid JSON.' : 'The request could not be read.' });
    }
    console.error(error);
    res.status(500).json({ error: 'Internal error' });
  });
  return api;
}

const API_KEYS = new Set(['clearinghouse', 'practiceId', 'accountNumber', 'amountCents', 'type', 'refundOf', 'cardType', 'payerName', 'unknownAccount']);

/** InstaMed's Patient Account Number placeholder for an account it does not know. */
const UNKNOWN_ACCOUNT = '9999';

const FEED_PARAMS = ['clearinghouse', 'practice', 'format', 'version'];

/**
 * `?clearinghouse=INSTAMED|WAYSTAR (default INSTAMED)&practice=<id>&format=<one of the clearinghouse's>`
 * `[&version=<EOD Posting File version, with format=IMDPA; default IMDPA14>]`, each at most once.
 */
function readFeedQuery(query: Request['query']): { clearinghouse: ClearinghouseCode; practice: string; choice: FeedChoice } | { error: string } {
  const unknown = Object.keys(query).filter((key) => !FEED_PARAMS.includes(key));
  if (unknown.length) return { error: `Unknown query parameters: ${unknown.join(', ')}. Allowed: ${FEED_PARAMS.join(', ')}.` };
  const repeated = FEED_PARAMS.filter((key) => query[key] !== undefined && typeof query[key] !== 'string');
  if (repeated.length) return { error: `Give ${repeated.join(' and ')} once.` };
  const clearinghouse = query.clearinghouse === undefined ? 'INSTAMED' : parseClearinghouse(query.clearinghouse);
  if (!clearinghouse) return { error: 'clearinghouse must be INSTAMED or WAYSTAR.' };
  if (query.practice === undefined) return { error: `practice (the ${CLEARINGHOUSE_NAMES[clearinghouse]} practice ID) is required.` };
  const practice = parsePracticeId(clearinghouse, query.practice);
  if (!practice) return { error: `practice must be a valid ${CLEARINGHOUSE_NAMES[clearinghouse]} practice ID.` };
  const formats = FEED_FORMATS[clearinghouse];
  const format = query.format === undefined ? formats[0]! : parseFeedFormat(clearinghouse, query.format);
  if (!format) return { error: `format must be ${formats.join(' or ')} for ${CLEARINGHOUSE_NAMES[clearinghouse]}.` };
  if (format !== 'IMDPA') {
    if (query.version !== undefined) return { error: 'version is for format=IMDPA (the EOD Posting File version).' };
    return { clearinghouse, practice, choice: { format } };
  }
  const version = query.version === undefined ? DEFAULT_IMDPA_VERSION : parseImdpaVersion(query.version);
  if (!version) return { error: `version must be one of ${IMDPA_VERSIONS.join(', ')} (IMDPA12_HD is EOD Posting File 1.2.2).` };
  return { clearinghouse, practice, choice: { format, version } };
}

function describeReport(batch: SettlementBatch, choice: FeedChoice) {
  return {
    name: reportName(batch, choice),
    format: choice.format,
    ...(choice.version ? { version: choice.version } : {}),
    createdAt: batch.createdAt,
    transactions: batch.payments.length,
  };
}

/** Report names are unique: each embeds the practice, the format (and version) and the batch's sequence number. */
function findReport(batches: SettlementBatch[], name: string): { batch: SettlementBatch; choice: FeedChoice } | null {
  for (const batch of batches) {
    const choice = feedChoices(batch.clearinghouse).find((c) => reportName(batch, c) === name);
    if (choice) return { batch, choice };
  }
  return null;
}

/** The API records payments as if paid with the matching test card. */
const TEST_CARD_LAST4: Record<CardType, string> = { VISA: '1111', MASTERCARD: '0004' };

function parseClearinghouse(value: unknown): ClearinghouseCode | null {
  const code = typeof value === 'string' ? value.toUpperCase() : '';
  return code === 'INSTAMED' || code === 'WAYSTAR' ? code : null;
}

function instamedPath(id: string): string {
  return `${INSTAMED_PATH}?id=${encodeURIComponent(id)}`;
}

function waystarPath(id: string): string {
  return `${WAYSTAR_PATH}/${encodeURIComponent(id)}`;
}

function badRequest(res: Response, error: string): void {
  res.status(400).json({ error });
}

function sendHtml(res: Response, status: number, body: string): void {
  res.status(status).type('html').send(body);
}

function sendUnknownPage(res: Response): void {
  sendHtml(
    res,
    400,
    renderMessagePage({ title: 'Unknown payment page', message: 'This payment page address has no valid practice ID. Check the link and try again.' }),
  );
}

/** The status of an error raised by a body parser (400 bad JSON, 413 too large, 415 charset), else null. */
function clientErrorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  next();
}
