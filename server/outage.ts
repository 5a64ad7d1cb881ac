import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable, serviceUnavailable } from "~/utils/database-errors.server";
import { getLogger } from "~/utils/logger.server";
import { loggedPath } from "~/utils/logged-path";

// While the database is away (a restart, a failover), every loader and
// action that needs it fails. Left alone, each would be a 500: "something is
// broken". Wrapped here, once for the whole build, each answers 503 with
// Retry-After: "away for a moment, try again", in the reader's language, on
// the error page (app/components/error-page.tsx) or as the resource route's
// answer. Any other error goes on as it was.

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

function answeringOutages(handler: Handler): Handler {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      getLogger().warn({ err: error, path: loggedPath(new URL(args.request.url).pathname) }, "database unavailable: answered 503");
      throw serviceUnavailable(args.request);
    }
  };
}

/** The same build, every route's loader and action answering 503 during an outage. */
export function withOutageAnswers(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue;
    const { loader, action } = route.module;
    routes[id] =
      loader || action
        ? {
            ...route,
            module: {
              ...route.module,
              ...(loader ? { loader: answeringOutages(loader as Handler) as typeof loader } : {}),
              ...(action ? { action: answeringOutages(action as Handler) as typeof action } : {}),
            },
          }
        : route;
  }
  return { ...build, routes };
}
