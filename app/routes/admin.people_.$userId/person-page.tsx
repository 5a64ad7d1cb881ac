import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/context";
import type { action, loader } from "./route";

const categories = ["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"] as const;
const grantable = ["TRAINER", "MANAGER", "ADMIN"] as const;
const EXTRA_TIME_CHOICES = [0, 25, 50, 100];

export function PersonPage() {
  const { person } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const t = useT();
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={["form", "fullName", "email", "employeeCode", "jobTitle", "staffCategory", "unitId", "role", "scopeUnitId", "percent"]} />
      <h1>{person.fullName}</h1>
      <p>
        <span className={person.status === "ACTIVE" ? "tag" : "tag tag--muted"}>{t(`people.status.${person.status}`)}</span>
      </p>
      {person.anonymisedOn ? (
        <div className="notice notice--warning">
          <p>{t("person.anonymisedOn", { date: person.anonymisedOn })}</p>
        </div>
      ) : (
        <PersonForms />
      )}
      <h2>{t("person.history")}</h2>
      <ul>
        {person.history.map((entry) => (
          <li key={entry.id}>
            {entry.unit}: {entry.period}
          </li>
        ))}
      </ul>
      <h2>{t("person.privacy")}</h2>
      <p>{person.consented ? t("person.consent", { version: person.privacyNoticeVersion ?? 0 }) : t("person.noConsent")}</p>
      {person.anonymisedOn ? null : (
        <p>
          <Link to={`/admin/people/${person.id}/anonymise`}>{t("person.anonymiseLink")}</Link>
        </p>
      )}
    </>
  );
}

/** Everything an administrator may change about a person who is not anonymised. */
function PersonForms() {
  const { person, units } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const t = useT();
  const unitOptions = units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }));
  return (
    <>
      <h2>{t("person.details")}</h2>
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="update" />
        <TextField name="fullName" label={t("person.fullName")} defaultValue={person.fullName} error={errors?.fullName} />
        <TextField name="email" type="email" label={t("people.email")} defaultValue={person.email} error={errors?.email} spellCheck={false} />
        <TextField name="employeeCode" label={t("person.employeeCode")} defaultValue={person.employeeCode ?? ""} error={errors?.employeeCode} />
        <TextField name="jobTitle" label={t("person.jobTitle")} defaultValue={person.jobTitle ?? ""} error={errors?.jobTitle} />
        <SelectField
          name="staffCategory"
          label={t("people.category")}
          defaultValue={person.staffCategory}
          error={errors?.staffCategory}
          options={categories.map((category) => ({ value: category, label: t(`staff.${category}`) }))}
        />
        <SelectField name="unitId" label={t("person.unit")} defaultValue={person.unitId} error={errors?.unitId} options={unitOptions} />
        <p className="hint">{t("person.unitHint")}</p>
        <button type="submit" className="button">
          {t("person.save")}
        </button>
      </Form>

      <h2>{t("person.roles")}</h2>
      {person.roleGrants.length === 0 ? <p>{t("person.noRoles")}</p> : null}
      <ul className="plain-list">
        {person.roleGrants.map((grant) => (
          <li key={grant.id} className="inline-row">
            <span>
              <span className="tag">{t(`role.${grant.role}`)}</span>{" "}
              {grant.scopeUnit ? t("person.scopeOf", { unit: grant.scopeUnit.name }) : null}
            </span>
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="grantId" value={grant.id} />
              <button type="submit" className="link-button" aria-label={t("person.revokeNamed", { role: t(`role.${grant.role}`) })}>
                {t("person.revoke")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <h3>{t("person.grantTitle")}</h3>
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="grant" />
        <SelectField
          name="role"
          label={t("person.role")}
          error={errors?.role}
          options={grantable.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <SelectField
          name="scopeUnitId"
          label={t("person.scope")}
          error={errors?.scopeUnitId}
          options={[{ value: "", label: t("person.noScope") }, ...unitOptions]}
        />
        <button type="submit" className="button button--secondary">
          {t("person.grant")}
        </button>
      </Form>

      <h2>{t("person.accommodation")}</h2>
      <Form method="post" noValidate className="narrow">
        <input type="hidden" name="intent" value="extra-time" />
        <SelectField
          name="percent"
          label={t("person.extraTime")}
          hint={t("person.extraTimeHint")}
          error={errors?.percent}
          defaultValue={String(person.quizExtraTimePercent)}
          options={EXTRA_TIME_CHOICES.map((percent) => ({ value: String(percent), label: percent ? t("person.extraTimePercent", { percent }) : t("person.noExtraTime") }))}
        />
        <button type="submit" className="button button--secondary">
          {t("person.saveExtraTime")}
        </button>
      </Form>

      <h2>{t("person.account")}</h2>
      <div className="inline-row">
        <Form method="post">
          <input type="hidden" name="intent" value="send-reset" />
          <button type="submit" className="button button--secondary">
            {t("person.sendReset")}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="status" value={person.status === "ACTIVE" ? "DISABLED" : "ACTIVE"} />
          <button type="submit" className={person.status === "ACTIVE" ? "button button--warning" : "button"}>
            {t(person.status === "ACTIVE" ? "person.disable" : "person.enable")}
          </button>
        </Form>
      </div>
    </>
  );
}
