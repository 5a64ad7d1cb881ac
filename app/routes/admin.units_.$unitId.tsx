import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, type FormErrors } from "~/components/form";
import { UnitFields } from "~/components/unit-fields";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { getUnit, listUnitChoices, mergeUnit, UnitRuleError, updateUnit } from "~/models/org-unit.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { isUuid } from "~/utils/ids";
import { clientAddress } from "~/utils/request-context.server";
import { mergeUnitSchema, unitFieldsSchema } from "~/validation/units";

// Admins: rename, re-file or merge one unit.

async function findUnitOr404(request: Request, unitId: string | undefined) {
  const unit = isUuid(unitId) ? await getUnit(unitId) : null;
  if (!unit) throw new Response(getTranslate(request)("units.error.notFound"), { status: 404 });
  return unit;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:unit:any");
  const unit = await findUnitOr404(request, params.unitId);
  const t = getTranslate(request);
  return {
    title: `${t("units.editTitle", { name: unit.name })} – ${t("app.titleSuffix")}`,
    unit,
    // Not under itself; and any other live unit may receive it in a merge.
    parents: await listUnitChoices(unit.id),
    survivors: (await listUnitChoices()).filter((candidate) => candidate.id !== unit.id),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:unit:any");
  const unit = await findUnitOr404(request, params.unitId);
  const t = getTranslate(request);
  const intent = (await request.clone().formData().catch(() => new FormData())).get("intent");
  const audit = { actorId: user.id, targetType: "unit", targetId: unit.id, ipAddress: clientAddress() };
  try {
    if (intent === "merge") {
      const form = await parseForm(request, mergeUnitSchema);
      if (!form.ok) return data({ errors: form.errors }, { status: 400 });
      const today = new Date(new Date().toISOString().slice(0, 10));
      const merged = await mergeUnit({ unitId: unit.id, survivorId: form.data.survivorId, day: today });
      await recordAudit({ action: "unit.merged", ...audit, detail: { ...merged, survivorId: form.data.survivorId } });
      const notice = t("units.merged", { from: merged.from, into: merged.into, count: merged.peopleMoved });
      return redirect("/admin/units", { headers: { "Set-Cookie": flashCookie(notice) } });
    }
    // Only the two forms of this page: anything else is not a form of ours.
    if (intent !== "update") {
      const errors: FormErrors = { form: "validation.form.unreadable" };
      return data({ errors }, { status: 400 });
    }
    const form = await parseForm(request, unitFieldsSchema);
    if (!form.ok) return data({ errors: form.errors }, { status: 400 });
    const before = await updateUnit({ unitId: unit.id, ...form.data });
    await recordAudit({ action: "unit.updated", ...audit, detail: { before, after: form.data } });
    return redirect("/admin/units", { headers: { "Set-Cookie": flashCookie(t("units.saved", { name: form.data.name })) } });
  } catch (error) {
    if (!(error instanceof UnitRuleError)) throw error;
    const errors: FormErrors = { [intent === "merge" ? "survivorId" : "parentId"]: error.key };
    return data({ errors }, { status: 400 });
  }
}

export default function EditUnit() {
  const { unit, parents, survivors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <ErrorSummary errors={result?.errors} fieldOrder={["name", "kind", "parentId", "survivorId"]} />
      <h1>{t("units.editTitle", { name: unit.name })}</h1>
      <p className="hint">
        {t("units.codeLabel")}: {unit.code}
      </p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="update" />
        <UnitFields values={unit} parents={parents} errors={result?.errors} />
        <button type="submit" className="button">
          {t("units.save")}
        </button>
      </Form>

      <h2>{t("units.mergeTitle")}</h2>
      <p>{t("units.mergeLead")}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="merge" />
        <SelectField
          name="survivorId"
          label={t("units.survivor")}
          error={result?.errors.survivorId}
          options={[{ value: "", label: "—" }, ...survivors.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.code})` }))]}
        />
        <button type="submit" className="button button--warning">
          {t("units.merge")}
        </button>
      </Form>
    </div>
  );
}
