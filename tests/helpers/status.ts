/**
 * The HTTP status a loader or action answers with: a Response returned or
 * thrown, `data(…, { status })`, or 200 for plain data.
 */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    if (result && typeof result === "object" && "init" in result) return (result.init as { status?: number } | null)?.status ?? 200;
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
