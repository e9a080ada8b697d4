// The signed-in part of the portal, and Apollo Client with it: loaded with the first signed-in
// page, so the sign-in page downloads neither.
import { getApolloContext, ApolloProvider } from '@apollo/client/react';
import { useContext } from 'react';
import { portalClient } from './apollo.ts';
import { AppLayout } from './AppLayout.tsx';

export function SignedInArea() {
  // A client provided above wins: the tests render the routes inside MockedProvider.
  const provided = useContext(getApolloContext()).client;
  if (provided) return <AppLayout />;
  return (
    <ApolloProvider client={portalClient()}>
      <AppLayout />
    </ApolloProvider>
  );
}
