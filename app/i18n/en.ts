import type { Messages } from "./vi";

// English: the second language. Same keys as vi.ts, same {placeholders}.
export const en: Messages = {
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
  "error.notFound.body":
    "The address may be mistyped, or the page may have moved. Please check the address.",
  "error.generic.title": "Something went wrong",
  "error.generic.body": "The system could not handle your request. Please try again in a few minutes.",
  "error.forbidden.title": "You do not have permission to see this page",
  "error.forbidden.body": "If you think you need access, contact your unit's administrator.",
  "error.badRequest.title": "Invalid request",
  "error.badRequest.body": "What was sent was not valid. Please go back and try again.",
  "error.backHome": "Back to the home page",
};
