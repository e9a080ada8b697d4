import { ApolloClient, InMemoryCache } from '@apollo/client';
import { BaseHttpLink } from '@apollo/client/link/http';
import { registerSessionStore } from './session.ts';

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // One per practice, without an id: singletons, so a mutation's result replaces what every
      // query on the page shows (Apollo treats `keyFields: []` as "there is only one").
      ClearinghouseSettings: { keyFields: [] },
      PortalStatus: { keyFields: [] },
      EbillingStatus: { keyFields: [] },
      EbillingPreferences: { keyFields: [] },
    },
  });
}

/**
 * The session is an httpOnly cookie set by `signIn`; same-origin requests carry it. (BaseHttpLink is
 * HttpLink without its client-awareness link, which only names Apollo Client and its version to
 * GraphOS's usage reporting, which Kinpay does not use.)
 */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new BaseHttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: createCache(),
  });
}

let portal: ApolloClient | undefined;

/** The portal's one client, created when the signed-in area first loads. */
export function portalClient(): ApolloClient {
  if (!portal) {
    const client = createApolloClient();
    registerSessionStore(() => client.clearStore());
    portal = client;
  }
  return portal;
}
