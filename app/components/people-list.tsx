import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/context";
import type { Role } from "~/utils/permissions";
import { TextField } from "./form";

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
  query: string;
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
        <TextField name="q" type="search" label={t("people.search")} defaultValue={props.query} spellCheck={false} />
        <button type="submit" className="button">
          {t("people.searchSubmit")}
        </button>
      </Form>
      <p aria-live="polite">{t("people.count", { count: props.total })}</p>
      {props.people.length === 0 ? (
        <p>{t("people.none")}</p>
      ) : (
        <div className="table-wrap">
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
        </div>
      )}
      {props.total > props.people.length ? <p>{t("people.moreNotShown", { shown: props.pageSize })}</p> : null}
    </>
  );
}
