// One phase of the load: autocannon keeps `connections` connections busy for `duration` seconds,
// each connection with its own request (its own session cookie) and its own check of the answers.
import autocannon from 'autocannon';
import { summarize, type Stats } from '../bench/stats.ts';

/** What one connection sends again and again, and how it knows a 2xx answer is right. */
export interface ConnectionPlan {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Null when the body is the right answer; otherwise what is wrong (GraphQL error codes, or another family's data). */
  check(body: string): Problem | null;
}

export type Problem = { kind: 'graphql'; codes: string[] } | { kind: 'wrong'; what: string };

export interface PhaseResult {
  name: string;
  connections: number;
  /** Seconds the phase ran (autocannon's measure). */
  seconds: number;
  /** Answers (any status) per second. */
  requestsPerSecond: number;
  answered: number;
  /** Over every answered request, milliseconds. */
  latency: Stats | null;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Connection errors other than timeouts (resets, refused). */
  errors: number;
  /** Requests not answered within the timeout. */
  timeouts: number;
  /** 2xx answers whose body has GraphQL `errors`. */
  graphqlErrors: number;
  graphqlErrorCodes: Record<string, number>;
  /** 2xx answers without GraphQL errors that are not the right data (e.g. not the session's family). */
  wrongAnswers: number;
  wrongAnswerExamples: string[];
}

/**
 * Runs one phase. Connection i sends `plans[i % plans.length]`; every 2xx body is checked (checks
 * are string searches, cheap beside the requests, so the load generator stays out of the way).
 */
export async function runPhase(
  name: string,
  url: string,
  plans: ConnectionPlan[],
  { connections, duration, timeoutSeconds, onStart }: { connections: number; duration: number; timeoutSeconds: number; onStart?: (stop: () => void) => void },
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let wrongAnswers = 0;
  const graphqlErrorCodes: Record<string, number> = {};
  const wrongAnswerExamples: string[] = [];
  let next = 0;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url,
      connections,
      duration,
      timeout: timeoutSeconds,
      // Each connection gets the next plan when autocannon creates it: its own session and checks.
      setupClient(client) {
        const plan = plans[next++ % plans.length]!;
        client.setRequests([
          {
            method: plan.method,
            path: plan.path,
            headers: plan.headers,
            ...(plan.body === undefined ? {} : { body: plan.body }),
            onResponse(status: number, body: string) {
              if (status < 200 || status > 299) return;
              const problem = plan.check(body);
              if (!problem) return;
              if (problem.kind === 'graphql') {
                graphqlErrors++;
                for (const code of problem.codes) graphqlErrorCodes[code] = (graphqlErrorCodes[code] ?? 0) + 1;
              } else {
                wrongAnswers++;
                if (wrongAnswerExamples.length < 5) wrongAnswerExamples.push(problem.what);
              }
            },
          },
        ]);
      },
    },
    (error: unknown, result: autocannon.Result) => (error ? fail(error) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  onStart?.(() => instance.stop());
  const result = await done;
  const answered = latencies.length;
  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = Number(count ?? 0);
  return {
    name,
    connections,
    seconds: result.duration,
    requestsPerSecond: Math.round((answered / result.duration) * 10) / 10,
    answered,
    latency: answered ? summarize(latencies) : null,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    graphqlErrors,
    graphqlErrorCodes,
    wrongAnswers,
    wrongAnswerExamples,
  };
}

/** Error codes of a GraphQL answer with `errors`, or null when it has none (a string search first: most answers have none). */
export function graphqlErrorCodesOf(body: string): string[] | null {
  if (!body.includes('"errors"')) return null;
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    if (!parsed.errors?.length) return null;
    return parsed.errors.map((e) => e.extensions?.code ?? 'NO_CODE');
  } catch {
    return ['UNPARSABLE_BODY'];
  }
}
