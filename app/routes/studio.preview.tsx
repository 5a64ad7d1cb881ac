import type { ActionFunctionArgs } from "@remix-run/node";
import { getLocale } from "~/i18n/locale.server";
import { getTranslate } from "~/i18n/translate.server";
import { itemPreview } from "~/services/item-preview.server";
import { requireStudioUser } from "~/utils/course-access.server";
import { parseForm } from "~/utils/forms.server";
import { previewSchema } from "~/validation/studio";

// The editor's live preview: the text goes to the server and comes back as
// the HTML learners would get, from the one renderer, so the browser never
// needs a markdown parser. A resource route: JSON only.
export async function action({ request }: ActionFunctionArgs) {
  await requireStudioUser(request);
  const form = await parseForm(request, previewSchema);
  if (!form.ok) return Response.json({ errors: form.errors }, { status: 400 });
  return Response.json(await itemPreview(form.data, getTranslate(request), getLocale(request)));
}
