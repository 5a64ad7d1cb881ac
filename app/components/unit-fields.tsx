import { useT } from "~/i18n/context";
import { unitKinds } from "~/validation/units";
import { SelectField, TextField, type FormErrors } from "./form";

/** Name, kind and parent of a unit: shared by the add and edit pages. */
export function UnitFields(props: {
  values?: { name?: string; kind?: string; parentId?: string | null };
  parents: { id: string; name: string; code: string }[];
  errors?: FormErrors;
}) {
  const t = useT();
  return (
    <>
      <TextField name="name" label={t("units.name")} defaultValue={props.values?.name} error={props.errors?.name} />
      <SelectField
        name="kind"
        label={t("units.kind")}
        defaultValue={props.values?.kind ?? "OFFICE"}
        error={props.errors?.kind}
        options={unitKinds.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))}
      />
      <SelectField
        name="parentId"
        label={t("units.parent")}
        defaultValue={props.values?.parentId ?? ""}
        error={props.errors?.parentId}
        options={[
          { value: "", label: t("units.noParent") },
          ...props.parents.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` })),
        ]}
      />
    </>
  );
}
