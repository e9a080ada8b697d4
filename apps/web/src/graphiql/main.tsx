// The GraphQL playground at /graphiql: GraphiQL 5 bundled with the app (no CDN), talking to the
// same /graphql endpoint with the portal's session cookie, so it sees what the signed-in user may.
import 'graphiql/setup-workers/vite'; // Monaco's editor, JSON and GraphQL workers, bundled by Vite
import 'graphiql/style.css';
import './graphiql.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const DEFAULT_QUERY = `# Welcome to the Kinpay GraphQL playground.
# Requests run as the user signed in to the portal (same session cookie),
# and see only what that user may see.

query MyChildren {
  me {
    firstName
    role
  }
  patients(first: 5) {
    totalCount
    edges {
      node {
        firstName
        balance {
          formatted
        }
        payNowUrl
      }
    }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

type Session = { state: 'checking' } | { state: 'signed-in'; name: string } | { state: 'signed-out' } | { state: 'unknown' };

async function fetchSession(): Promise<Session> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query: 'query PlaygroundSession { me { firstName lastName role } }' }),
  });
  const body = (await response.json()) as { data?: { me: { firstName: string; lastName: string; role: string } | null } };
  if (!body.data) return { state: 'unknown' };
  const me = body.data.me;
  return me ? { state: 'signed-in', name: `${me.firstName} ${me.lastName} (${me.role.toLowerCase()})` } : { state: 'signed-out' };
}

function Playground() {
  const [session, setSession] = useState<Session>({ state: 'checking' });
  useEffect(() => {
    fetchSession().then(setSession, () => setSession({ state: 'unknown' }));
  }, []);

  return (
    <div className="playground">
      <header className="playground__bar">
        <a className="playground__back" href="/">
          ← Kinpay portal
        </a>
        <span className="playground__title">GraphQL playground</span>
        {session.state === 'signed-in' ? <span className="playground__who">Signed in as {session.name}</span> : null}
      </header>
      {session.state === 'signed-out' ? (
        <p className="playground__notice" role="status">
          <a href="/sign-in">Sign in to the portal first</a>, then come back here. Until then only fields open to everyone answer (<code>me</code> is null).
        </p>
      ) : null}
      {session.state === 'unknown' ? (
        <p className="playground__notice" role="status">
          Couldn’t reach the API to check your session. Queries may fail until it is running.
        </p>
      ) : null}
      <div className="playground__ide">
        <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </div>
    </div>
  );
}

const container = document.getElementById('graphiql-root');
if (!container) throw new Error('graphiql.html has no #graphiql-root element');

createRoot(container).render(
  <StrictMode>
    <Playground />
  </StrictMode>,
);
