import type { LoaderFunctionArgs } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page";
import { getTranslate } from "~/i18n/translate.server";

// Any address no other route claims: a real 404 status, not a 200 page that
// says "not found" (search engines and monitoring read the status).
export function loader({ request }: LoaderFunctionArgs) {
  throw new Response(getTranslate(request)("error.notFound.title"), { status: 404 });
}

export default function NotFound() {
  return <ErrorPage />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
