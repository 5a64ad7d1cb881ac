import { certificatesEn } from "./certificates.en";
import { privacyEn } from "./privacy.en";
import { quizEn } from "./quiz.en";
import { quizStudioEn } from "./quiz-studio.en";
import { coursesEn } from "./courses.en";
import { trainingEn } from "./training.en";
import type { CoreMessages } from "./core.vi";

// English: the second language. Same keys as vi.ts, same {placeholders}.
export const coreEn: CoreMessages = {
  "app.name": "Học Số",
  "app.tagline": "Digital-transformation learning for public servants",
  "app.titleSuffix": "Học Số",

  "layout.skipToContent": "Skip to main content",
  "layout.mainNav": "Main navigation",
  "layout.nav.home": "Home",
  "layout.officialBanner": "Online learning for digital transformation in public administration",
  "layout.footer.about":
    "Học Số helps public servants learn digital skills, take quizzes and earn certificates anyone can verify.",
  "layout.footer.language": "Language",
  "layout.footer.copyright": "© {year} Học Số",

  "language.vi": "Tiếng Việt",
  "language.en": "English",
  "language.invalid": "The language you chose is not valid.",

  "home.title": "Learn digital skills, any time, on any device",
  "home.lead":
    "Học Số is where the province's public servants take digital-skills courses, pass quizzes and earn certificates. HR offices can see who has completed their unit's mandatory training.",
  "home.servingHeading": "Serving",
  "home.servingEmpty": "No organisation units have been set up yet.",
  "home.stats.units": "{count} bodies and units",
  "home.stats.departments": "{count} departments and agencies",
  "home.stats.localities": "{count} communes, wards and special zones",
  "home.features.heading": "What Học Số does for you",
  "home.features.learn.title": "Learn step by step",
  "home.features.learn.body":
    "Short lessons in plain Vietnamese that read well on a phone, even on a slow connection.",
  "home.features.certify.title": "Take quizzes, earn certificates",
  "home.features.certify.body":
    "Quizzes save every answer, so nothing is lost when the connection drops. Certificates carry a code anyone can verify.",
  "home.features.track.title": "Track training by unit",
  "home.features.track.body":
    "HR officers and unit heads see who has completed, and who is overdue, unit by unit.",

  "error.notFound.title": "Page not found",
  "error.imageNotFound": "Image not found.",
  "error.notFound.body":
    "The address may be mistyped, or the page may have moved. Please check the address.",
  "error.generic.title": "Something went wrong",
  "error.generic.body": "The system could not handle your request. Please try again in a few minutes.",
  "error.forbidden.title": "You do not have permission to see this page",
  "error.forbidden.body": "If you think you need access, contact your unit's administrator.",
  "error.badRequest.title": "Invalid request",
  "error.badRequest.body": "What was sent was not valid. Please go back and try again.",
  "error.unavailable.title": "The service is briefly unavailable",
  "error.unavailable.body": "Học Số cannot reach its data for the moment. Everything you have saved is safe. Please try again in a few minutes.",
  "error.backHome": "Back to the home page",

  "validation.invalid": "This value is not valid.",
  "validation.form.unreadable": "The form could not be read. Reload the page and try again.",
  "validation.email.required": "Enter your email address",
  "validation.email.invalid": "Enter an email address in the correct format, like name@lamdong.gov.vn",
  "validation.password.required": "Enter your password",
  "validation.password.tooLong": "The password is too long",

  "form.errorSummary": "There is a problem",

  "nav.signIn": "Sign in",
  "nav.signOut": "Sign out",
  "nav.account": "Your sessions",
  "nav.managePeople": "Unit staff",
  "nav.adminUnits": "Units",
  "nav.adminPeople": "People",
  "nav.adminAudit": "Audit log",
  "nav.signedInAs": "Signed in as {name}",

  "role.LEARNER": "Learner",
  "role.TRAINER": "Trainer",
  "role.MANAGER": "Manager",
  "role.ADMIN": "Administrator",

  "staff.CAN_BO": "Official (cán bộ)",
  "staff.CONG_CHUC": "Civil servant (công chức)",
  "staff.VIEN_CHUC": "Public employee (viên chức)",
  "staff.OTHER": "Other",

  "unitKind.PROVINCE": "Province",
  "unitKind.DEPARTMENT": "Department or agency",
  "unitKind.OFFICE": "Office",
  "unitKind.PUBLIC_SERVICE_UNIT": "Public service unit",
  "unitKind.COMMUNE": "Commune",
  "unitKind.WARD": "Ward",
  "unitKind.SPECIAL_ZONE": "Special zone",

  "signIn.title": "Sign in",
  "signIn.lead": "Use your official email address and your password.",
  "signIn.email": "Email address",
  "signIn.password": "Password",
  "signIn.submit": "Sign in",
  "signIn.invalid": "The email address or password is not correct.",
  "signIn.locked":
    "Too many wrong attempts. To protect the account, signing in is paused until {time}. Please try again after that.",

  "home.welcome": "Hello, {name}",
  "home.yourRoles": "Your roles: {roles}",

  "sessions.title": "Your sessions",
  "sessions.lead": "These devices are signed in to your account. If you see one you do not know, end that session and change your password.",
  "sessions.device": "Device",
  "sessions.started": "Started",
  "sessions.lastSeen": "Last active",
  "sessions.address": "IP address",
  "sessions.current": "This session",
  "sessions.end": "End session",
  "sessions.endNamed": "End the session on {device}",
  "sessions.endOthers": "End all other sessions",
  "sessions.ended": "The session has been ended.",
  "sessions.endedOthers": "All other sessions have been ended.",
  "sessions.unknownDevice": "Unknown device",
  "sessions.on": "{browser} on {system}",




  "nav.importPeople": "Import people",

  "validation.unit.name": "Enter the unit's name",
  "validation.unit.code": "Enter a unit code: capital letters, digits and hyphens, at most 32 characters",
  "validation.unit.kind": "Choose the kind of unit",
  "validation.unit.survivor": "Choose the receiving unit",

  "validation.password.tooShort": "The password needs at least 12 characters",
  "validation.password.guessable": "This password is too easy to guess. Use a short sentence of a few unrelated words, not your name, a birth date or your office's name",
  "validation.password.mismatch": "The two passwords are not the same",
  "forgot.link": "Forgotten your password?",
  "forgot.title": "Reset your password",
  "forgot.lead": "Enter the email address you sign in with. We will send you a link to choose a new password.",
  "forgot.submit": "Send the link",
  "forgot.sent": "If this address has an account, an email with a link to reset the password has been sent to it. The link works once, for 1 hour.",
  "reset.title": "Choose a new password",
  "reset.lead": "The password needs at least 12 characters. A short sentence of a few words, easy for you to remember and hard for others to guess, is a good choice.",
  "reset.password": "New password",
  "reset.confirm": "New password again",
  "reset.submit": "Save the new password",
  "reset.invalid": "This link no longer works: it may have expired or been used. Ask for a new one.",
  "reset.done": "Your password has been changed. All earlier sessions have ended; sign in with the new password.",
  "nav.adminOutbox": "Outbox",

  "validation.person.fullName": "Enter the full name",
  "validation.person.category": "Choose a category",
  "validation.person.unit": "Choose a unit",
  "validation.person.role": "Choose a role",
  "validation.person.scope": "The manager role needs a unit to manage; other roles do not",
  "validation.person.extraTime": "Choose an amount of extra time from the list",

  "password.title": "Change your password",
  "password.current": "Current password",
  "password.new": "New password",
  "password.confirm": "New password again",
  "password.submit": "Change the password",
  "password.wrongCurrent": "The current password is not correct",
  "password.changed": "Your password has been changed. Your other sessions have ended.",
  "password.link": "Change your password",
  ...coursesEn,
  ...trainingEn,
  ...quizEn,
  ...quizStudioEn,
  ...certificatesEn,
  ...privacyEn,
};
