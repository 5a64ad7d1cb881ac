import type { certificatesVi } from "./certificates.vi";

// English messages for certificates (same keys and {placeholders} as certificates.vi.ts).
export const certificatesEn: Record<keyof typeof certificatesVi, string> = {
  "certificate.notFound": "We could not find this certificate.",
  "certificate.revoked": "This certificate has been revoked and can no longer be downloaded.",
  "certificate.download": "Download the certificate (PDF)",
  "certificate.verifyLink": "Verification page",
  "certificate.code": "Certificate code: {code}",
  "verify.title": "Check a certificate",
  "verify.lead": "Enter the code printed on a certificate to check that it is valid. No sign-in needed.",
  "verify.code": "Certificate code",
  "verify.codeHint": "10 letters and digits, for example 7KQ2M9XH4T. Upper or lower case does not matter.",
  "verify.submit": "Check",
  "verify.unknown": "There is no certificate with this code. Check each character again.",
  "verify.tooMany": "Too many wrong codes have been tried. Try again in 15 minutes.",
  "verify.again": "Check another code",
  "verify.state.valid": "This certificate is valid.",
  "verify.state.revoked": "This certificate was revoked on {date}.",
  "verify.state.expired": "This certificate expired on {date}.",
  "verify.holder": "Awarded to",
  "verify.course": "Course",
  "verify.completedOn": "Completed on",
  "verify.issuer": "Issued by",
  "verify.expiresOn": "Valid until",
};
