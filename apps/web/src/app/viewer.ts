import { useOutletContext } from 'react-router';
import type { AppShellQuery } from '../gql/graphql.ts';

export type Viewer = NonNullable<AppShellQuery['me']>;

export interface ShellContext {
  viewer: Viewer;
}

export const isStaff = (viewer: Viewer) => viewer.role === 'ADMIN' || viewer.role === 'BILLING';

/** The signed-in user, for routes rendered inside the app shell. */
export function useViewer(): Viewer {
  return useOutletContext<ShellContext>().viewer;
}
