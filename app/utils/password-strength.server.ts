import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import type { MessageKey } from "~/i18n/vi";
import { foldForSearch } from "./text";

// Rules for a new password: at least 12 characters, and not guessable by
// zxcvbn's estimator (common passwords, keyboard walks, dates, the person's
// own name or e-mail, this site's and the province's names).

export const MIN_PASSWORD_LENGTH = 12;

const siteWords = ["hocso", "hoc so", "lamdong", "lam dong", "ubnd", "matkhau", "mat khau", "chuyendoiso"];

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, site: siteWords },
  graphs: common.adjacencyGraphs,
});

/** A catalog key saying what is wrong with the password, or null if it is fine. */
export function passwordProblem(password: string, personal: string[] = []): MessageKey | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "validation.password.tooShort";
  if (password.length > 200) return "validation.password.tooLong";
  const inputs = personal.flatMap((value) => [value, foldForSearch(value), ...foldForSearch(value).split(/[\s@.]+/)]);
  const { score } = estimator.check(password, inputs.filter((value) => value.length >= 3));
  return score < 3 ? "validation.password.guessable" : null;
}
