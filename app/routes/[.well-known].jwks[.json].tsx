// The same key set at the address JOSE tools look first.
export { loader } from "./ob.jwks[.json]";
