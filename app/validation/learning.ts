import { z } from "zod";

// "Đánh dấu đã học xong": `auto` when the page itself sends it on reaching
// the end of the lesson (JavaScript), so the answer is data, not a redirect.
export const completeItemSchema = z.object({
  intent: z.literal("complete"),
  auto: z.literal("1").optional(),
});
