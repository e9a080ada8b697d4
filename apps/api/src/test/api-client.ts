// Talks to the API over real HTTP like a browser does: JSON POSTs to /graphql, with the session
// cookie the server sets kept in a per-client jar, and any headers of its own (e.g. X-Forwarded-For
// to sign in from another address behind a trusted proxy).
export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [k: string]: unknown } }[];
}

export class ApiClient {
  cookie: string | undefined;
  lastSetCookie: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const [pair] = setCookie.split(';');
      const [, value] = pair!.split('=');
      this.cookie = value ? pair : undefined;
    }
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Runs a query that must succeed; returns its data. */
  async data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  async signIn(email: string, password: string) {
    return this.request(`mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { id role } }`, {
      email,
      password,
    });
  }
}

export function errorCodes(result: GraphQLResponse): (string | undefined)[] {
  return (result.errors ?? []).map((e) => e.extensions?.code);
}
