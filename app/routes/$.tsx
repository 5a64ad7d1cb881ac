import { ErrorPage } from "~/components/error-page";

// Any address no other route claims: a real 404 status, not a 200 page that
// says "not found" (search engines and monitoring read the status).
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return <ErrorPage />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
