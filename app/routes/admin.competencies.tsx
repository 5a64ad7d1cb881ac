import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/form";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { listCompetencyAreas, updateCompetence, updateCompetencyArea } from "~/models/competency.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";

// The competency framework courses and questions are tagged with. Names are
// editable; codes are permanent (content files refer to them).
const name = z.string().trim().min(1, { error: "validation.competence.name" }).max(200, { error: "validation.competence.name" });
const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("area"), id: z.uuid(), name, nameEn: name }),
  z.object({ intent: z.literal("competence"), id: z.uuid(), name, nameEn: name, archived: z.literal("on").optional() }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:competency:any");
  const t = getTranslate(request);
  return { title: `${t("competencies.title")} – ${t("app.titleSuffix")}`, areas: await listCompetencyAreas({ includeArchived: true }) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:competency:any");
  const t = getTranslate(request);
  const form = await parseForm(request, schema);
  if (!form.ok) return data({ errors: form.errors }, { status: 400 });
  const input = form.data;
  const code =
    input.intent === "area"
      ? await updateCompetencyArea({ id: input.id, name: input.name, nameEn: input.nameEn })
      : await updateCompetence({ id: input.id, name: input.name, nameEn: input.nameEn, archived: input.archived === "on" });
  if (!code) return data({ errors: { form: "competencies.notFound" as const } }, { status: 404 });
  await recordAudit({ action: "competence.updated", actorId: user.id, targetType: input.intent, targetId: input.id, detail: { code, name: input.name }, ipAddress: clientAddress() });
  const notice = t(input.intent === "area" ? "competencies.areaSaved" : "competencies.saved", { code });
  return redirect(`/admin/competencies#c-${input.id}`, { headers: { "Set-Cookie": flashCookie(notice) } });
}

function NameFields({ id, label, values }: { id: string; label: string; values: { name: string; nameEn: string } }) {
  const t = useT();
  return (
    <>
      <label className="label label--small" htmlFor={`name-${id}`}>
        {t("competencies.name")} ({label})
      </label>
      <input className="input" id={`name-${id}`} name="name" defaultValue={values.name} required maxLength={200} />
      <label className="label label--small" htmlFor={`nameEn-${id}`}>
        {t("competencies.nameEn")} ({label})
      </label>
      <input className="input" id={`nameEn-${id}`} name="nameEn" defaultValue={values.nameEn} required maxLength={200} lang="en" />
    </>
  );
}

export default function Competencies() {
  const { areas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <ErrorSummary errors={result?.errors} fieldOrder={["form", "name", "nameEn"]} />
      <h1>{t("competencies.title")}</h1>
      <p className="lead">{t("competencies.lead")}</p>
      {areas.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`} className="panel">
          <h2 id={`area-${area.id}`}>
            {area.code}. {area.name}
          </h2>
          <Form method="post" className="competence-form" id={`c-${area.id}`}>
            <input type="hidden" name="intent" value="area" />
            <input type="hidden" name="id" value={area.id} />
            <NameFields id={area.id} label={area.code} values={area} />
            <button type="submit" className="button button--small button--secondary" aria-label={t("competencies.saveLabel", { code: area.code })}>
              {t("competencies.save")}
            </button>
          </Form>
          <ul className="plain-list">
            {area.competences.map((competence) => (
              <li key={competence.id}>
                <Form method="post" className="competence-form" id={`c-${competence.id}`}>
                  <input type="hidden" name="intent" value="competence" />
                  <input type="hidden" name="id" value={competence.id} />
                  <p className="competence-form__code">
                    {t("competencies.code")}: <strong>{competence.code}</strong>
                  </p>
                  <NameFields id={competence.id} label={competence.code} values={competence} />
                  <div className="checkbox">
                    <input className="checkbox__input" type="checkbox" id={`archived-${competence.id}`} name="archived" defaultChecked={competence.archivedAt !== null} />
                    <label className="checkbox__label" htmlFor={`archived-${competence.id}`}>
                      {t("competencies.archived")}
                    </label>
                  </div>
                  <button type="submit" className="button button--small button--secondary" aria-label={t("competencies.saveLabel", { code: competence.code })}>
                    {t("competencies.save")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
