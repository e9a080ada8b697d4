// Server-rendered pages. Every value goes through escapeHtml: the `html` tag escapes each
// interpolation unless it is already-built markup (SafeHtml), so nothing reaches a page raw.
import { formatCents } from '@kinpay/money';
import type { CapturedMail } from './mail.ts';
import { defaultChoices, reportName } from './reports.ts';
import type { PaymentRecord, SettlementBatch, WebhookOutcome } from './store.ts';
import { CLEARINGHOUSE_NAMES, type CardType, type ClearinghouseCode } from './validation.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/** Template tag: literal parts are markup, interpolations are escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

const CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;background:#f3f5f7}
.sandbox-banner{background:#fff3c4;color:#5c4400;border-bottom:1px solid #e8c964;text-align:center;font-weight:600;padding:.5rem 1rem}
header{background:#fff;border-bottom:1px solid #d9dee3}
header .inner{display:flex;align-items:baseline;justify-content:space-between;gap:1rem;flex-wrap:wrap}
.brand{font-size:1.25rem;font-weight:700;color:#0b4f8a;margin:0}
.tag{font-size:.875rem;color:#52606d}
.inner{max-width:40rem;margin:0 auto;padding:1rem}
.wide .inner{max-width:72rem}
main .card{background:#fff;border:1px solid #d9dee3;border-radius:8px;padding:1.25rem 1.5rem;margin:1.5rem 0}
h1{font-size:1.375rem;margin:0 0 .25rem}
h2{font-size:1.125rem;margin:1.25rem 0 .5rem}
p{margin:.5rem 0}
.muted{color:#52606d;font-size:.9375rem}
.field{margin:1rem 0}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;font:inherit;padding:.625rem .75rem;border:1px solid #9aa5b1;border-radius:6px;background:#fff}
input:focus{outline:3px solid #9cc3f5;outline-offset:1px;border-color:#0b4f8a}
input[aria-invalid="true"]{border-color:#b42318}
.hint{font-size:.875rem;color:#52606d;margin:.25rem 0 0}
.field-error{font-size:.875rem;color:#b42318;margin:.25rem 0 0}
.errors{border:1px solid #f1a7a1;background:#fef3f2;color:#7a271a;border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.errors ul{margin:.25rem 0 0;padding-left:1.25rem}.errors a{color:inherit}
button{font:inherit;font-weight:600;color:#fff;background:#0b4f8a;border:0;border-radius:6px;padding:.75rem 1.5rem;width:100%;cursor:pointer}
button:hover{background:#083b68}button:focus-visible{outline:3px solid #9cc3f5;outline-offset:2px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem;margin:1rem 0}
dt{font-weight:600;color:#52606d}dd{margin:0;overflow-wrap:anywhere}
.approved{color:#067647}
table{width:100%;border-collapse:collapse;font-size:.875rem;background:#fff}
th,td{text-align:left;padding:.5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{background:#f8f9fa}td.num{text-align:right;white-space:nowrap}
.table-wrap{overflow-x:auto}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875em;overflow-wrap:anywhere}
pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.875rem;white-space:pre-wrap;overflow-wrap:anywhere;background:#f8f9fa;border:1px solid #e4e7eb;border-radius:6px;padding:.75rem;margin:1rem 0}
.failed{color:#b42318}
td.notice{min-width:15rem;overflow-wrap:anywhere}td.notice .muted{display:block;font-size:.8125rem}
nav.links a{margin-right:1rem}
footer{font-size:.8125rem;color:#52606d;text-align:center;padding:1rem}
@media (max-width:30rem){main .card{padding:1rem;border-left:0;border-right:0;border-radius:0}dl{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}}
`;

function layout({
  title,
  brand,
  body,
  wide = false,
  tag = 'Test payment page',
}: {
  title: string;
  brand: string;
  body: SafeHtml;
  wide?: boolean;
  tag?: string;
}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body${wide ? new SafeHtml(' class="wide"') : ''}>
<div class="sandbox-banner" role="status">SANDBOX — no real money</div>
<header><div class="inner"><p class="brand">${brand}</p><span class="tag">${tag}</span></div></header>
<main><div class="inner">
${body}
</div></main>
<footer>Kinpay clearinghouse sandbox. Only test card numbers are accepted; no card data is kept.</footer>
</body>
</html>
`.value;
}

export function renderMessagePage({ title, message, brand = 'Clearinghouse sandbox' }: { title: string; message: string; brand?: string }): string {
  return layout({
    title,
    brand,
    body: html`<section class="card"><h1>${title}</h1><p>${message}</p></section>`,
  });
}

export type FormField = 'accountNumber' | 'amount' | 'payerName' | 'cardNumber' | 'expiry';
export type FormValues = Partial<Record<FormField, string>>;
export type FormErrors = Partial<Record<FormField, string>>;

const FIELDS: { name: FormField; label: string; hint?: string; attrs: string }[] = [
  { name: 'accountNumber', label: 'Patient account number', hint: 'As printed on your statement.', attrs: 'required autocomplete="off"' },
  { name: 'amount', label: 'Amount', hint: 'In US dollars, like 40.00.', attrs: 'required inputmode="decimal" autocomplete="off"' },
  { name: 'payerName', label: 'Name on card', attrs: 'autocomplete="cc-name"' },
  {
    name: 'cardNumber',
    label: 'Card number',
    hint: 'Test cards only: 4111 1111 1111 1111 or 5500 0000 0000 0004.',
    attrs: 'required inputmode="numeric" autocomplete="cc-number"',
  },
  { name: 'expiry', label: 'Expiry (MM/YY)', attrs: 'required inputmode="numeric" autocomplete="cc-exp" placeholder="MM/YY"' },
];

function field(f: (typeof FIELDS)[number], values: FormValues, errors: FormErrors): SafeHtml {
  const error = errors[f.name];
  const describedBy = [f.hint && `${f.name}-hint`, error && `${f.name}-error`].filter(Boolean).join(' ');
  // The card number is never echoed back.
  const value = f.name === 'cardNumber' ? '' : (values[f.name] ?? '');
  return html`<div class="field">
<label for="${f.name}">${f.label}</label>
<input id="${f.name}" name="${f.name}" type="text" value="${value}" ${new SafeHtml(f.attrs)}${
    describedBy ? html` aria-describedby="${describedBy}"` : ''
  }${error ? new SafeHtml(' aria-invalid="true"') : ''}>
${f.hint ? html`<p class="hint" id="${f.name}-hint">${f.hint}</p>` : ''}
${error ? html`<p class="field-error" id="${f.name}-error">${error}</p>` : ''}
</div>`;
}

export function renderPaymentPage({
  clearinghouse,
  practiceId,
  action,
  values = {},
  errors = {},
}: {
  clearinghouse: ClearinghouseCode;
  practiceId: string;
  action: string;
  values?: FormValues;
  errors?: FormErrors;
}): string {
  const name = CLEARINGHOUSE_NAMES[clearinghouse];
  const messages = Object.entries(errors).filter(([, message]) => message) as [FormField, string][];
  return layout({
    title: `${messages.length ? 'Error: ' : ''}Make a payment – ${name} (sandbox)`,
    brand: name,
    body: html`<section class="card">
<h1>Payment page for practice ${practiceId}</h1>
<p class="muted">Pay a balance with a test card. Nothing is charged.</p>
${
  messages.length
    ? html`<div class="errors" role="alert"><strong>Please correct the following:</strong><ul>${messages.map(
        ([fieldName, message]) => html`<li><a href="#${fieldName}">${message}</a></li>`,
      )}</ul></div>`
    : ''
}
<form method="post" action="${action}" novalidate>
${FIELDS.map((f) => field(f, values, errors))}
<button type="submit">Pay</button>
</form>
</section>`,
  });
}

const CARD_NAMES: Record<CardType, string> = { VISA: 'Visa', MASTERCARD: 'Mastercard' };

export function describeCard(p: Pick<PaymentRecord, 'cardType' | 'last4'>): string {
  return `${CARD_NAMES[p.cardType]} ending in ${p.last4}`;
}

function displayDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function renderConfirmation(payment: PaymentRecord): string {
  const name = CLEARINGHOUSE_NAMES[payment.clearinghouse];
  return layout({
    title: `Payment approved – ${name} (sandbox)`,
    brand: name,
    body: html`<section class="card">
<h1 class="approved">Payment approved</h1>
<p>Thank you. Your payment to practice ${payment.practiceClearinghouseId} was approved.</p>
<dl>
<dt>Amount</dt><dd>${formatCents(payment.amountCents)}</dd>
<dt>Patient account number</dt><dd>${payment.accountNumber}</dd>
<dt>Card</dt><dd>${describeCard(payment)}</dd>
<dt>Transaction ID</dt><dd><code>${payment.transactionId}</code></dd>
<dt>Authorization number</dt><dd>${payment.authorizationNumber}</dd>
<dt>Date</dt><dd>${displayDate(payment.createdAt)}</dd>
</dl>
<p><strong>You can close this tab.</strong></p>
</section>`,
  });
}

export interface IndexOptions {
  /** Every settlement batch, oldest first. */
  batches?: SettlementBatch[];
  /** Where InstaMed notices go (`<url>/webhooks/instamed/<Payment ID>`); null when the webhook is not configured. */
  webhookTo?: string | null;
  /** How the notices are encoded: json, xml or nvp. */
  webhookEncoding?: string;
  limit?: number;
}

export function renderIndex(payments: PaymentRecord[], { batches = [], webhookTo = null, webhookEncoding = 'json', limit = 500 }: IndexOptions = {}): string {
  const shown = payments.slice(0, limit);
  const batchOf = new Map<string, SettlementBatch>();
  for (const batch of batches) for (const p of batch.payments) batchOf.set(p.transactionId, batch);
  // Practices with payments the next listing of the feed will settle.
  const waiting = new Map<string, { clearinghouse: ClearinghouseCode; practice: string; count: number }>();
  for (const p of payments) {
    if (batchOf.has(p.transactionId)) continue;
    const key = `${p.clearinghouse}:${p.practiceClearinghouseId}`;
    const entry = waiting.get(key) ?? { clearinghouse: p.clearinghouse, practice: p.practiceClearinghouseId, count: 0 };
    entry.count += 1;
    waiting.set(key, entry);
  }
  return layout({
    title: 'Clearinghouse sandbox',
    brand: 'Clearinghouse sandbox',
    tag: 'Sandbox home',
    wide: true,
    body: html`<section class="card">
<h1>Clearinghouse sandbox</h1>
<p>A local stand-in for the clearinghouses’ hosted payment pages, for demos and tests of the Kinpay portal.
No real card is charged and no money moves: only the published test cards
<code>4111 1111 1111 1111</code> and <code>5500 0000 0000 0004</code> are accepted, and only their type and last 4 digits are kept.</p>
<nav class="links"><a href="#reports">Reports</a><a href="#payments">Recorded payments</a><a href="/mail">Captured mail</a></nav>
<h2>Payment pages</h2>
<ul>
<li>InstaMed: <a href="/Form/PaymentPortal/Default?id=demogp.test"><code>/Form/PaymentPortal/Default?id=&lt;Payment ID&gt;</code></a> (short form <code>/&lt;Payment ID&gt;</code>)</li>
<li>Waystar: <a href="/waystar/pay/12345"><code>/waystar/pay/&lt;site ID&gt;</code></a></li>
</ul>
<h2>How a payment reaches the portal</h2>
<ol>
<li>A parent pays on a payment page here (the portal’s Pay Now link opens it).</li>
<li>${
      webhookTo
        ? html`InstaMed payments: a notice (${webhookEncoding.toUpperCase()}, event Approved or Refunded) is posted at once to <code>${webhookTo}</code>, retried a few times if the portal does not answer; the Notice column shows how it went.`
        : html`Notices to the portal’s webhook are off: set <code>SANDBOX_WEBHOOK_URL</code> (the portal’s origin) and <code>SANDBOX_WEBHOOK_SECRET</code>.`
    }</li>
<li>Staff click <strong>Fetch and Process Reports</strong> in the portal’s eBilling Center. The portal lists this sandbox’s report feed,
which first settles the practice’s payments that are in no report yet into a new report (end of day on demand), then fetches each report it has not seen.</li>
</ol>
<h2>Report feed</h2>
<ul>
<li><code>GET /api/reports?clearinghouse=INSTAMED&amp;practice=&lt;id&gt;&amp;format=X12_835|IMDPA</code> (Waystar: <code>format=WAYSTAR_CSV</code>) settles, then lists every report of the practice, newest last.
With <code>format=IMDPA</code>, <code>version=IMDPA10|IMDPA11|IMDPA12|IMDPA12_HD|IMDPA13|IMDPA14</code> picks the EOD Posting File version (default IMDPA14; IMDPA12_HD is 1.2.2).</li>
<li><code>GET /api/reports/&lt;name&gt;</code> is the file; the same report is the same bytes every time.</li>
<li><code>POST /api/reports/settle?clearinghouse=&amp;practice=</code> makes a report now.</li>
</ul>
<h2>Test API</h2>
<p class="muted"><code>GET /api/payments?practice=&lt;id&gt;</code>, <code>POST /api/payments</code>, <code>DELETE /api/payments</code>, <code>GET /api/mail</code>, <code>DELETE /api/mail</code>, <code>GET /healthz</code>.</p>
</section>
<section class="card" id="reports">
<h2>Reports (${batches.length})</h2>
${
  waiting.size
    ? html`<p>Payments in no report yet (the next listing of the feed settles them):</p><ul>${[...waiting.values()].map(
        (w) =>
          html`<li>${CLEARINGHOUSE_NAMES[w.clearinghouse]} ${w.practice}: ${w.count} — <a href="/api/reports?${new URLSearchParams({ clearinghouse: w.clearinghouse, practice: w.practice }).toString()}">list the feed</a></li>`,
      )}</ul>`
    : ''
}
${
  batches.length === 0
    ? html`<p>No reports yet.</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">Created</th><th scope="col">Clearinghouse</th><th scope="col">Practice</th><th scope="col">Sequence</th><th scope="col">Payments</th><th scope="col">Files</th></tr></thead>
<tbody>${[...batches]
        .reverse()
        .map(
          (b) =>
            html`<tr><td>${displayDate(b.createdAt)}</td><td>${CLEARINGHOUSE_NAMES[b.clearinghouse]}</td><td>${b.practiceClearinghouseId}</td><td class="num">${b.sequence}</td><td class="num">${b.payments.length}</td><td>${defaultChoices(
              b.clearinghouse,
            ).map(
              (choice, i) =>
                html`${i ? ' · ' : ''}<a href="/api/reports/${encodeURIComponent(reportName(b, choice))}"><code>${reportName(b, choice)}</code></a>`,
            )}</td></tr>`,
        )}</tbody>
</table></div>`
}
</section>
<section class="card" id="payments">
<h2>Recorded payments (${payments.length})</h2>
${
  payments.length === 0
    ? html`<p>No payments recorded yet.</p>`
    : html`${payments.length > shown.length ? html`<p class="muted">Showing the newest ${shown.length}.</p>` : ''}<div class="table-wrap"><table>
<thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Clearinghouse</th><th scope="col">Practice</th><th scope="col">Account</th><th scope="col">Amount</th><th scope="col">Card</th><th scope="col">Name on card</th><th scope="col">Transaction ID</th><th scope="col">Auth</th><th scope="col">Report</th><th scope="col">Notice</th></tr></thead>
<tbody>${shown.map((p) => {
        const batch = batchOf.get(p.transactionId);
        return html`<tr><td>${displayDate(p.createdAt)}</td><td>${p.type}${
          p.type === 'REFUND' ? html` of <code>${p.refundOf}</code>` : ''
        }</td><td>${CLEARINGHOUSE_NAMES[p.clearinghouse]}</td><td>${p.practiceClearinghouseId}</td><td>${p.accountNumber}${
          p.unknownAccount ? html` <span class="muted">(unknown account)</span>` : ''
        }</td><td class="num">${formatCents(
          p.type === 'REFUND' ? -p.amountCents : p.amountCents,
        )}</td><td>${describeCard(p)}</td><td>${p.payerName}</td><td><code>${p.transactionId}</code></td><td>${p.authorizationNumber}</td><td>${
          batch ? html`<code>${reportName(batch, defaultChoices(batch.clearinghouse)[0]!)}</code>` : html`<span class="muted">not yet</span>`
        }</td><td class="notice">${describeWebhook(p.webhook)}</td></tr>`;
      })}</tbody>
</table></div>`
}
</section>`,
  });
}

function describeWebhook(outcome: WebhookOutcome | undefined): SafeHtml {
  if (!outcome) return html`<span class="muted">—</span>`;
  const tries = `${outcome.attempts} attempt${outcome.attempts === 1 ? '' : 's'}`;
  if ('deliveredAt' in outcome) return html`<span class="approved">Delivered</span> <span class="muted">${displayDate(outcome.deliveredAt)}, ${tries}</span>`;
  return html`<span class="failed">Not delivered</span> <span class="muted">${outcome.lastError} (${tries}, last ${displayDate(outcome.lastAttemptAt)})</span>`;
}

export function renderMailList(messages: CapturedMail[]): string {
  return layout({
    title: `Captured mail (${messages.length}) – Clearinghouse sandbox`,
    brand: 'Clearinghouse sandbox',
    tag: 'Captured mail',
    wide: true,
    body: html`<section class="card">
<h1>Captured mail (${messages.length})</h1>
<p>Every message sent to the sandbox’s SMTP server (<code>SANDBOX_SMTP_PORT</code>, default 2525; the portal’s <code>SMTP_URL</code> points at it in the demo).
Nothing is delivered anywhere. The newest 200 are kept in memory until the sandbox stops; <code>DELETE /api/mail</code> empties the list.</p>
<p><a href="/">Back to the sandbox</a></p>
${
  messages.length === 0
    ? html`<p>No mail received yet.</p>`
    : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">From</th></tr></thead>
<tbody>${messages.map(
        (m) =>
          html`<tr><td>${displayDate(m.receivedAt)}</td><td>${m.to.join(', ')}</td><td><a href="/mail/${m.id}">${m.subject || '(no subject)'}</a></td><td>${m.from}</td></tr>`,
      )}</tbody>
</table></div>`
}
</section>`,
  });
}

export function renderMailMessage(m: CapturedMail): string {
  return layout({
    title: `${m.subject || '(no subject)'} – Captured mail`,
    brand: 'Clearinghouse sandbox',
    tag: 'Captured mail',
    wide: true,
    body: html`<section class="card">
<p><a href="/mail">All captured mail</a></p>
<h1>${m.subject || '(no subject)'}</h1>
<dl>
<dt>From</dt><dd>${m.from}</dd>
<dt>To</dt><dd>${m.to.join(', ')}</dd>
${m.envelope.to.join(',') !== m.to.join(',') ? html`<dt>Delivered to</dt><dd>${m.envelope.to.join(', ')}</dd>` : ''}
<dt>Date</dt><dd>${m.date ? displayDate(m.date) : 'none'}</dd>
<dt>Received</dt><dd>${displayDate(m.receivedAt)}</dd>
</dl>
<pre>${m.text}</pre>
</section>`,
  });
}
