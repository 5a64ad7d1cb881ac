import { z } from "zod";

// Shared by the sign-in form and its action. Messages are catalog keys
// (app/i18n/vi.ts), translated where they are shown.
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { error: "validation.email.required" })
    .max(254, { error: "validation.email.invalid" })
    .pipe(z.email({ error: "validation.email.invalid" })),
  password: z
    .string()
    .min(1, { error: "validation.password.required" })
    .max(1000, { error: "validation.password.tooLong" }),
  redirectTo: z.string().max(2000).optional(),
});
export type SignInForm = z.infer<typeof signInSchema>;

export const forgotPasswordSchema = signInSchema.pick({ email: true });

export const resetPasswordSchema = z
  .object({
    password: z.string().min(1, { error: "validation.password.required" }).max(200, { error: "validation.password.tooLong" }),
    confirm: z.string(),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], error: "validation.password.mismatch" });

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, { error: "validation.password.required" }).max(1000, { error: "validation.password.tooLong" }),
    password: z.string().min(1, { error: "validation.password.required" }).max(200, { error: "validation.password.tooLong" }),
    confirm: z.string(),
  })
  .refine((form) => form.password === form.confirm, { path: ["confirm"], error: "validation.password.mismatch" });
