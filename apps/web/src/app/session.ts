// Whatever a session loaded must not show to whoever signs in next. Apollo Client's cache holds it,
// but the sign-in page and the root error boundary must not load Apollo Client just to empty it
// (the sign-in page is the smallest page of the portal): the signed-in area, which does load it,
// registers here how to forget.
type Forget = () => Promise<unknown>;

const stores = new Set<Forget>();

/** Called once per store, when the signed-in area creates it. */
export function registerSessionStore(forget: Forget): void {
  stores.add(forget);
}

/** Empties every store of the session; a store that fails to empty is not a reason to stop. */
export async function forgetSession(): Promise<void> {
  await Promise.all([...stores].map((forget) => forget().catch(() => undefined)));
}
