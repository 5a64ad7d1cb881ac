// Messages only the server uses: e-mail, plain-text answers of the HTTP
// middleware, flash messages, reminders, the lesson renderer's labels. They
// are part of the whole catalog (vi.ts) but not of core.vi.ts, so the
// browser never downloads them (the lesson page's JavaScript budget).
export const serverVi = {
  "error.tooManyWrites": "Bạn đã gửi quá nhiều yêu cầu trong một phút. Hãy chờ một lát rồi thử lại.",
  "error.bodyTooLarge": "Nội dung gửi lên quá lớn. Nếu bạn đang tải tệp lên, hãy chọn tệp nhỏ hơn.",
  "error.lengthRequired": "Yêu cầu thiếu độ dài nội dung nên không được nhận. Hãy gửi lại từ trang của Học Số.",
  "error.crossOrigin": "Yêu cầu bị từ chối vì không được gửi từ một trang của Học Số.",
  "forgot.mail.subject": "Đặt lại mật khẩu Học Số",
  "forgot.mail.body": "Xin chào {name},\n\nAi đó (có thể là bạn) vừa yêu cầu đặt lại mật khẩu cho tài khoản Học Số của bạn. Mở đường dẫn dưới đây để chọn mật khẩu mới. Đường dẫn dùng được một lần, trong 1 giờ:\n\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không thay đổi.\n\nHọc Số",
  "quiz.timeUpSubmitted": "Đã hết giờ làm bài. Bài đã được nộp với các câu trả lời đã lưu.",
  "markdown.note": "Lưu ý",
  "markdown.tip": "Mẹo",
  "markdown.important": "Quan trọng",
  "markdown.warning": "Cảnh báo",
  "markdown.caution": "Thận trọng",
  "markdown.table": "Bảng (vuốt ngang để xem hết)",
  "markdown.code": "Đoạn mã",
  "markdown.video": "Video",
  "markdown.openVideo": "mở ở trang gốc",
  "notification.greeting": "Kính gửi {name},",
  "notification.MANAGER_MONTHLY.unit": "– {unit}: {done}/{assigned} ({rate}%), {overdue} quá hạn",
} as const satisfies Record<string, string>;
