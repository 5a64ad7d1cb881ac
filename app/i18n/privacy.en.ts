import type { privacyVi } from "./privacy.vi";

// English messages for the privacy notice and a person's own data (same keys and {placeholders} as privacy.vi.ts).
export const privacyEn: Record<keyof typeof privacyVi, string> = {
  "privacy.title": "Your personal data",
  "privacy.lead":
    "Học Số holds some personal data about you so that you can learn and be awarded certificates. This notice says what data, what for, who sees it, how long it is kept and what your rights are under the Law on Personal Data Protection.",
  "privacy.version": "Version {version}, in force from {date}.",
  "privacy.who.title": "Who is responsible",
  "privacy.who.body": "{controller} runs Học Số and is responsible for the personal data in it.",
  "privacy.held.title": "What we hold about you",
  "privacy.held.profile":
    "Your full name, e-mail address, employee code, job title, staff category (cán bộ, công chức, viên chức), your unit and the units you worked in before. Your HR department provides these.",
  "privacy.held.learning": "Your learning: the courses you take, the lessons you finished, your progress and completion dates.",
  "privacy.held.quizzes": "Quizzes: your answers, your marks and how many attempts you made.",
  "privacy.held.certificates": "The certificates awarded to you.",
  "privacy.held.technical":
    "When you sign in: the time, your browser and your IP address; a log of important actions; the notices sent to you and the language you chose.",
  "privacy.why.title": "What for",
  "privacy.why.body":
    "To run the digital-skills training that public bodies must give their cán bộ, công chức and viên chức by law: to let you learn and take quizzes, award certificates, remind you of mandatory training and report on training results. Your data is never used for advertising and is never sold or passed to anyone outside the public administration.",
  "privacy.see.title": "Who sees it",
  "privacy.see.you": "You.",
  "privacy.see.managers": "Managers and HR officers of your unit and the units above it, only for the units they are responsible for.",
  "privacy.see.trainers": "Trainers of the courses you take: your quiz attempts in those courses.",
  "privacy.see.admins": "System administrators, when they need to, to run the service and help you.",
  "privacy.see.public":
    "Anyone with your certificate's code: what is printed on it (your name, the course, the completion date), on the verification page.",
  "privacy.keep.title": "How long we keep it",
  "privacy.keep.records":
    "Learning records and certificates are kept while you are in service, as the rules on civil servants' training records require.",
  "privacy.keep.sessions": "A sign-in ends by itself after {days} days without use.",
  "privacy.keep.audit": "System logs are deleted after {days} days.",
  "privacy.rights.title": "Your rights",
  "privacy.rights.know": "To know what data about you is processed: this notice.",
  "privacy.rights.download": "To see and download everything Học Số holds about you, from the “Your sessions” page (linked at the top of every page).",
  "privacy.rights.correct": "To have it corrected: if your name, job title or unit is wrong, tell your unit's HR department.",
  "privacy.rights.delete":
    "To ask for deletion: once you have left the service you may ask for your personal data to be deleted. Your account is then anonymised: your name, e-mail address and employee code are replaced, and only statistics that do not point to you remain.",
  "privacy.rights.complain": "To complain to the personal data protection authority of the Ministry of Public Security.",
  "privacy.contact.title": "Contact",
  "privacy.contact.body": "Write to {email}, or ask your unit's HR department.",
  "privacy.decide.title": "Confirm",
  "privacy.decide.body":
    "This training is mandatory; your employer processes the data above to carry out a duty the law gives it. Please confirm that you have read this notice to continue.",
  "privacy.accept": "I have read it and I agree",
  "privacy.decline": "I do not agree",
  "privacy.accepted": "You agreed to version {version} on {date}.",
  "privacy.thanks": "Thank you for reading the notice about your personal data.",
  "privacy.declined.title": "You have been signed out",
  "privacy.declined.body":
    "You have not agreed to the notice about your personal data, so you cannot use Học Số yet. The training is mandatory: your HR department keeps your records as before. If you have a question or object to the processing, write to {email}. You will be asked again the next time you sign in.",
  "privacy.footerLink": "Personal data",
  "privacy.data.title": "Your personal data",
  "privacy.data.lead": "Download everything Học Số holds about you, in one JSON file (machine-readable).",
  "privacy.data.download": "Download your data (JSON)",
  "privacy.data.notice": "Read the notice about your personal data",
};
