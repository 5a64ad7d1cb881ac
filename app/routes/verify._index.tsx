import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { normaliseCode } from "~/models/certificate.server";

// Public: type a certificate's code to check it (/verify?code=… also works).
export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code && normaliseCode(code)) throw redirect(`/verify/${encodeURIComponent(normaliseCode(code).slice(0, 16))}`);
  const t = getTranslate(request);
  return { title: `${t("verify.title")} – ${t("app.titleSuffix")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export default function Verify() {
  useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t("verify.title")}</h1>
      <p className="lead">{t("verify.lead")}</p>
      <Form method="get">
        <div className="form-group">
          <label className="label" htmlFor="code">
            {t("verify.code")}
          </label>
          <p className="hint" id="code-hint">
            {t("verify.codeHint")}
          </p>
          <input className="input input--code" id="code" name="code" autoComplete="off" spellCheck={false} aria-describedby="code-hint" />
        </div>
        <button type="submit" className="button">
          {t("verify.submit")}
        </button>
      </Form>
    </div>
  );
}
