import type { serverVi } from "./server.vi";

// English messages only the server uses (same keys and {placeholders} as server.vi.ts).
export const serverEn: Record<keyof typeof serverVi, string> = {
  "error.tooManyWrites": "You have sent too many requests in a minute. Please wait a moment and try again.",
  "error.bodyTooLarge": "What was sent is too large. If you are uploading a file, choose a smaller one.",
  "error.lengthRequired": "The request did not say how long it is, so it was refused. Send it again from a Học Số page.",
  "error.crossOrigin": "Request refused: it was not sent from a Học Số page.",
  "forgot.mail.subject": "Reset your Học Số password",
  "forgot.mail.body": "Hello {name},\n\nSomeone (probably you) asked to reset the password of your Học Số account. Open the link below to choose a new password. It works once, for 1 hour:\n\n{link}\n\nIf you did not ask, ignore this email; your password has not changed.\n\nHọc Số",
  "quiz.timeUpSubmitted": "Time is up. The quiz was submitted with the answers saved.",
  "markdown.note": "Note",
  "markdown.tip": "Tip",
  "markdown.important": "Important",
  "markdown.warning": "Warning",
  "markdown.caution": "Caution",
  "markdown.table": "Table (swipe sideways to see all of it)",
  "markdown.code": "Code sample",
  "markdown.video": "Video",
  "markdown.openVideo": "open on the original site",
  "notification.greeting": "Dear {name},",
  "notification.MANAGER_MONTHLY.unit": "– {unit}: {done}/{assigned} ({rate}%), {overdue} overdue",
};
