import { TableRegion } from "~/components/table-region";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useT } from "~/i18n/context";
import { getTranslate } from "~/i18n/translate.server";
import { getCheckedImport } from "~/models/people-import.server";
import {
  applyImport,
  checkImport,
  ImportFileError,
  MAX_IMPORT_ROWS,
  readSpreadsheet,
  storeCheckedImport,
} from "~/services/people-import.server";
import { requirePermission } from "~/utils/auth.server";
import { isUuid } from "~/utils/ids";
import { clientAddress } from "~/utils/request-context.server";
import { PEOPLE_IMPORT_MAX_BYTES } from "~/utils/upload-limits";

// Admins: bulk import of people. Check (nothing written), then confirm.
// "people_" in the file name: /admin/people/import is its own page, not a
// child rendered inside the people list.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "import:person:any");
  const t = getTranslate(request);
  const doneId = new URL(request.url).searchParams.get("done");
  const done = isUuid(doneId) ? await getCheckedImport({ importId: doneId, userId: user.id }) : null;
  const summary = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }).safeParse(done?.summary);
  return {
    title: `${t("import.title")} – ${t("app.titleSuffix")}`,
    maxRows: MAX_IMPORT_ROWS,
    done: summary.success ? t("import.done", summary.data) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Học Số" }];

type ActionData =
  | { kind: "errors"; title: string; errors: { line: number; column: string; text: string }[] }
  | { kind: "ready"; importId: string; title: string; summary: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "import:person:any");
  const t = getTranslate(request);
  const fileError = (key: Parameters<typeof t>[0]) =>
    data<ActionData>({ kind: "errors", title: t(key), errors: [] }, { status: 400 });

  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = z.object({ importId: z.uuid() }).safeParse(Object.fromEntries(await request.formData().catch(() => new FormData())));
    if (!form.success) return fileError("error.badRequest.body");
    await applyImport({ importId: form.data.importId, actorId: user.id, ipAddress: clientAddress() });
    // Applied now or by an earlier click: either way, show what it did.
    return redirect(`/admin/people/import?done=${form.data.importId}`);
  }

  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: PEOPLE_IMPORT_MAX_BYTES }));
  } catch {
    return fileError("import.error.file.tooLarge");
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return fileError("import.error.file.missing");
  let table: string[][];
  try {
    table = await readSpreadsheet(file.name, Buffer.from(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof ImportFileError) return fileError(error.key);
    throw error;
  }
  const result = await checkImport(table);
  if (!result.ok) {
    return data<ActionData>(
      {
        kind: "errors",
        title: t("import.errorsTitle", { count: result.errors.length }),
        errors: result.errors.map((error) => ({ line: error.line, column: error.column, text: t(error.message, error.params) })),
      },
      { status: 400 },
    );
  }
  const importId = await storeCheckedImport({ actorId: user.id, fileName: file.name, rows: result.rows });
  return data<ActionData>({
    kind: "ready",
    importId,
    title: t("import.readyTitle", { rows: result.rows.length }),
    summary: t("import.readySummary", { created: result.created, updated: result.updated, unchanged: result.unchanged }),
  });
}

export default function ImportPeople() {
  const { maxRows, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  return (
    <>
      {done ? (
        <div className="notice notice--success" role="status">
          {done}
        </div>
      ) : null}
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.lead")}</p>
      <p>{t("import.columns")}</p>

      {result?.kind === "errors" ? (
        <div className="error-summary" role="alert" aria-labelledby="import-errors-title" tabIndex={-1}>
          <h2 className="error-summary__title" id="import-errors-title">
            {result.title}
          </h2>
          {result.errors.length ? (
            <>
              <p>{t("import.errorsLead")}</p>
              <TableRegion label={t("import.title")}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("import.line")}</th>
                      <th scope="col">{t("import.column")}</th>
                      <th scope="col">{t("import.problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.errors.map((error, index) => (
                      <tr key={`${error.line}-${index}`}>
                        <td>{error.line}</td>
                        <td>{error.column}</td>
                        <td>{error.text}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </>
          ) : null}
        </div>
      ) : null}

      {result?.kind === "ready" ? (
        <div className="notice" role="status">
          <h2>{result.title}</h2>
          <p>{result.summary}</p>
          <Form method="post">
            <input type="hidden" name="importId" value={result.importId} />
            <button type="submit" className="button" disabled={busy}>
              {t("import.confirm")}
            </button>
          </Form>
        </div>
      ) : (
        <Form method="post" encType="multipart/form-data">
          <div className="form-group">
            <label className="label" htmlFor="file">
              {t("import.file")}
            </label>
            <p className="hint" id="file-hint">
              {t("import.fileHint", { max: maxRows })}
            </p>
            <input
              className="file-input"
              id="file"
              name="file"
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="file-hint"
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("import.check")}
          </button>
        </Form>
      )}
    </>
  );
}
