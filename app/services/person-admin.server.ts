import { getTranslate } from "~/i18n/translate.server";
import { getPersonForAdmin } from "~/models/user.server";
import { isUuid } from "~/utils/ids";

/** The person an admin page is about, or that page's 404 (a mistyped id, or nobody). */
export async function findPersonOr404(request: Request, userId: string | undefined) {
  const person = isUuid(userId) ? await getPersonForAdmin(userId) : null;
  if (!person) throw new Response(getTranslate(request)("person.notFound"), { status: 404 });
  return person;
}
