import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField, type FormErrors } from "~/components/form";
import { UnitFields } from "~/components/unit-fields";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { recordAudit } from "~/models/audit.server";
import { createUnit, listUnitChoices, UnitRuleError } from "~/models/org-unit.server";
import { requirePermission } from "~/utils/auth.server";
import { flashCookie } from "~/utils/flash.server";
import { parseForm } from "~/utils/forms.server";
import { clientAddress } from "~/utils/request-context.server";
import { newUnitSchema } from "~/validation/units";

// Admins: add a unit to the tree ("admin.units_" — a page of its own).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:unit:any");
  const t = getTranslate(request);
  const parent = new URL(request.url).searchParams.get("parent");
  return { title: `${t("units.newTitle")} – ${t("app.titleSuffix")}`, parents: await listUnitChoices(), parent };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:unit:any");
  const form = await parseForm(request, newUnitSchema);
  if (!form.ok) return data({ errors: form.errors, values: form.fields }, { status: 400 });
  try {
    const unit = await createUnit(form.data);
    await recordAudit({ action: "unit.created", actorId: user.id, targetType: "unit", targetId: unit.id, detail: form.data, ipAddress: clientAddress() });
  } catch (error) {
    if (error instanceof UnitRuleError) {
      // A parent that is no (live) unit is the parent field's error, not the code's.
      const errors: FormErrors = { [error.key === "units.error.codeTaken" ? "code" : "parentId"]: error.key };
      return data({ errors, values: form.fields }, { status: 400 });
    }
    throw error;
  }
  const notice = getTranslate(request)("units.created", { name: form.data.name });
  return redirect("/admin/units", { headers: { "Set-Cookie": flashCookie(notice) } });
}

export default function NewUnit() {
  const { parents, parent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="narrow">
      <ErrorSummary errors={result?.errors} fieldOrder={["name", "code", "kind", "parentId"]} />
      <h1>{t("units.newTitle")}</h1>
      <Form method="post" noValidate>
        <UnitFields values={{ ...result?.values, parentId: result?.values.parentId ?? parent }} parents={parents} errors={result?.errors} />
        <TextField
          name="code"
          label={t("units.codeLabel")}
          hint={t("units.codeHint")}
          defaultValue={result?.values.code}
          error={result?.errors.code}
          spellCheck={false}
        />
        <button type="submit" className="button">
          {t("units.save")}
        </button>
      </Form>
    </div>
  );
}
