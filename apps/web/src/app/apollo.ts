import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

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

/** The session is an httpOnly cookie set by `signIn`; same-origin requests carry it. */
export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: createCache(),
  });
}
