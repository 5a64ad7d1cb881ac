import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of the page being rendered on the server
// (server/security-headers.ts), for Remix's inline scripts. In the browser it
// is empty: browsers hide nonces from the page, and scripts added after
// hydration come from our own origin.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
