// The production server entry (server/) and the Remix build are two bundles
// loaded into one process. Anything that must exist once per process (the
// database pool, the logger, the request context) is kept on globalThis so
// both bundles share it. Vite's dev server reloads modules too; same cure.
export function singleton<Value>(name: string, create: () => Value): Value {
  const store = globalThis as unknown as { __hocSo?: Map<string, unknown> };
  store.__hocSo ??= new Map();
  if (!store.__hocSo.has(name)) store.__hocSo.set(name, create());
  return store.__hocSo.get(name) as Value;
}
