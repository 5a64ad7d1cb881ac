// Vietnamese messages for trainers' quiz pages: settings, results,
// statistics, regrading, question banks. Spread into vi.ts.
export const quizStudioVi = {
  "validation.quizSettings.timeLimit": "Nhập số phút từ 1 đến 600, hoặc để trống",
  "validation.quizSettings.attempts": "Nhập số lần từ 1 đến 100, hoặc để trống",
  "validation.quizSettings.grading": "Chọn cách tính điểm",
  "validation.quizSettings.review": "Chọn thời điểm trong danh sách",
  "validation.quizSettings.drawCount": "Số câu rút phải là số nguyên từ 1 đến 200",
  "validation.quizSettings.drawTooMany": "Các quy tắc cần nhiều câu hơn số câu khớp với chúng (một câu chỉ được rút một lần)",
  "validation.quizSettings.drawBank": "Chọn ngân hàng câu hỏi trong danh sách",
  "validation.bank.title": "Nhập tên ngân hàng (tối đa 200 ký tự)",
  "validation.bank.slug": "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 80 ký tự)",
  "validation.bank.body": "Ngân hàng quá lớn; hãy chia thành nhiều ngân hàng",
} as const;
