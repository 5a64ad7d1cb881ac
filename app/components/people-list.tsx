import { TableRegion } from "~/components/table-region";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/context";
import type { Role } from "~/utils/permissions";
import type { PeopleFilterValues } from "~/validation/people-filters";
import { SelectField, TextField } from "./form";

type Person = {
  id: string;
  fullName: string;
  email: string;
  jobTitle: string | null;
  staffCategory: "CAN_BO" | "CONG_CHUC" | "VIEN_CHUC" | "OTHER";
  status: "ACTIVE" | "DISABLED";
  roles: Exclude<Role, "LEARNER">[];
  unitName: string | null;
};

/** The people search form and result table, for admins and managers alike. */
export function PeopleList(props: {
  title: string;
  filters: PeopleFilterValues;
  units: { id: string; name: string; code: string }[];
  total: number;
  people: Person[];
  pageSize: number;
  actions?: ReactNode;
  /** Where a name links to, for those who may open a person. */
  personHref?: (personId: string) => string;
}) {
  const t = useT();
  return (
    <>
      <h1>{props.title}</h1>
      {props.actions}
      <p className="lead">{t("people.lead")}</p>
      <Form method="get" className="search-form" role="search">
        <TextField name="q" type="search" label={t("people.search")} defaultValue={props.filters.q} spellCheck={false} />
        <SelectField
          name="unit"
          label={t("people.unit")}
          defaultValue={props.filters.unit ?? ""}
          options={[{ value: "", label: t("people.any") }, ...props.units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }))]}
        />
        <SelectField
          name="role"
          label={t("people.roles")}
          defaultValue={props.filters.role ?? ""}
          options={[{ value: "", label: t("people.any") }, ...(["TRAINER", "MANAGER", "ADMIN"] as const).map((role) => ({ value: role, label: t(`role.${role}`) }))]}
        />
        <SelectField
          name="category"
          label={t("people.category")}
          defaultValue={props.filters.category ?? ""}
          options={[{ value: "", label: t("people.any") }, ...(["CAN_BO", "CONG_CHUC", "VIEN_CHUC", "OTHER"] as const).map((category) => ({ value: category, label: t(`staff.${category}`) }))]}
        />
        <SelectField
          name="status"
          label={t("people.status")}
          defaultValue={props.filters.status ?? ""}
          options={[{ value: "", label: t("people.any") }, ...(["ACTIVE", "DISABLED"] as const).map((status) => ({ value: status, label: t(`people.status.${status}`) }))]}
        />
        <button type="submit" className="button">
          {t("people.searchSubmit")}
        </button>
      </Form>
      <p aria-live="polite">{t("people.count", { count: props.total })}</p>
      {props.people.length === 0 ? (
        <p>{t("people.none")}</p>
      ) : (
        <TableRegion label={t("people.title")}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("people.name")}</th>
                <th scope="col">{t("people.unit")}</th>
                <th scope="col">{t("people.category")}</th>
                <th scope="col">{t("people.roles")}</th>
                <th scope="col">{t("people.status")}</th>
              </tr>
            </thead>
            <tbody>
              {props.people.map((person) => (
                <tr key={person.id}>
                  <td>
                    <strong>
                      {props.personHref ? <Link to={props.personHref(person.id)}>{person.fullName}</Link> : person.fullName}
                    </strong>
                    <br />
                    <span className="hint">{person.jobTitle}</span>
                    <br />
                    <span className="hint">{person.email}</span>
                  </td>
                  <td>{person.unitName}</td>
                  <td>{t(`staff.${person.staffCategory}`)}</td>
                  <td>
                    {person.roles.map((role) => (
                      <span key={role} className="tag">
                        {t(`role.${role}`)}
                      </span>
                    ))}
                  </td>
                  <td>
                    <span className={person.status === "ACTIVE" ? "tag" : "tag tag--muted"}>
                      {t(`people.status.${person.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {props.total > props.people.length ? <p>{t("people.moreNotShown", { shown: props.pageSize })}</p> : null}
    </>
  );
}
