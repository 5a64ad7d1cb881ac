import type { privacyAdminVi } from "./privacy-admin.vi";

// English messages for administrators' side of personal data (same keys and {placeholders} as privacy-admin.vi.ts).
export const privacyAdminEn: Record<keyof typeof privacyAdminVi, string> = {
  "person.privacy": "Personal data",
  "person.consent": "Agreed to the notice about personal data, version {version}.",
  "person.noConsent": "Has not agreed to the current notice about personal data.",
  "person.anonymiseLink": "Anonymise this person (at their request to delete their data)",
  "person.anonymisedOn": "Anonymised on {date}. This person's details can no longer be changed.",
  "person.anonymisedLocked": "This person has been anonymised and can no longer be changed.",
  "anonymise.title": "Anonymise {name}",
  "anonymise.lead": "Only when this person has asked for their personal data to be deleted (usually after leaving the service). It cannot be undone.",
  "anonymise.what": "What happens",
  "anonymise.identity":
    "Their name, e-mail address, employee code and job title are replaced by an anonymous name; their password is removed; the account is disabled and can no longer sign in.",
  "anonymise.traces":
    "Their sessions, password reset links, notifications, mail waiting to be sent and roles are deleted; personal details in the audit log and in earlier people imports are removed too.",
  "anonymise.certificates":
    "The name on their certificates is replaced by the anonymous name; the public verification page says the holder asked for their data to be deleted.",
  "anonymise.kept":
    "Their learning, quiz results and certificates still count in the units' figures, tied to no name. Their agreements to the notice about personal data are kept.",
  "anonymise.confirm": "This person has asked for their personal data to be deleted and I understand that anonymising cannot be undone",
  "anonymise.submit": "Anonymise",
  "anonymise.cancel": "Back to the person's page",
  "anonymise.done": "The person has been anonymised.",
  "anonymise.already": "This person had already been anonymised.",
  "anonymise.self": "You cannot anonymise your own account; ask another administrator.",
  "anonymise.name": "Anonymous person {ref}",
  "anonymise.confirmMissing": "Tick the box to confirm the anonymisation",
  "audit.action.person.anonymised": "Anonymised a person",
  "audit.action.privacy.accepted": "Agreed to the notice about personal data",
  "audit.action.privacy.declined": "Did not agree to the notice about personal data",
  "audit.action.privacy.downloaded": "Downloaded their own personal data",
};
