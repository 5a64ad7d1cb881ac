// Vietnamese messages for the privacy notice and a person's own data
// (Law on Personal Data Protection; docs/decisions/026-personal-data.md).
// Plain words: the notice is read by every civil servant before their first lesson.
export const privacyVi = {
  "privacy.title": "Thông báo về dữ liệu cá nhân",
  "privacy.lead":
    "Học Số giữ một số dữ liệu cá nhân của bạn để bạn học và được cấp chứng chỉ. Thông báo này cho biết đó là những dữ liệu nào, để làm gì, ai được xem, giữ trong bao lâu và bạn có những quyền gì theo Luật Bảo vệ dữ liệu cá nhân.",
  "privacy.version": "Phiên bản {version}, áp dụng từ ngày {date}.",
  "privacy.who.title": "Ai chịu trách nhiệm",
  "privacy.who.body": "{controller} vận hành Học Số và chịu trách nhiệm về dữ liệu cá nhân trong hệ thống.",
  "privacy.held.title": "Dữ liệu chúng tôi giữ về bạn",
  "privacy.held.profile":
    "Họ và tên, địa chỉ thư điện tử, mã cán bộ, chức vụ, đối tượng (cán bộ, công chức, viên chức), đơn vị công tác và các đơn vị bạn đã công tác. Các thông tin này do bộ phận tổ chức cán bộ cung cấp.",
  "privacy.held.learning": "Việc học: khoá học bạn học, bài đã học xong, tiến độ, ngày hoàn thành.",
  "privacy.held.quizzes": "Bài kiểm tra: câu trả lời của bạn, điểm và số lần làm.",
  "privacy.held.certificates": "Chứng chỉ được cấp cho bạn.",
  "privacy.held.technical":
    "Khi bạn đăng nhập: thời điểm, trình duyệt, địa chỉ IP; nhật ký các thao tác quan trọng; thông báo gửi cho bạn và ngôn ngữ bạn chọn.",
  "privacy.why.title": "Để làm gì",
  "privacy.why.body":
    "Để tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức, một nhiệm vụ cơ quan nhà nước phải thực hiện theo quy định: cho bạn học và làm bài kiểm tra, cấp chứng chỉ, nhắc bạn việc học bắt buộc và báo cáo kết quả bồi dưỡng. Dữ liệu của bạn không được dùng để quảng cáo và không được bán hay chuyển cho tổ chức nào ngoài cơ quan nhà nước.",
  "privacy.see.title": "Ai được xem",
  "privacy.see.you": "Bạn.",
  "privacy.see.managers":
    "Người quản lý và bộ phận tổ chức cán bộ của đơn vị bạn và của các đơn vị cấp trên, chỉ trong phạm vi đơn vị họ phụ trách.",
  "privacy.see.trainers": "Giảng viên của khoá học bạn học: bài kiểm tra của bạn trong khoá học đó.",
  "privacy.see.admins": "Quản trị viên hệ thống, khi cần để vận hành và hỗ trợ.",
  "privacy.see.public":
    "Người có mã chứng chỉ của bạn: xem được những gì in trên chứng chỉ (họ tên, khoá học, ngày hoàn thành) ở trang xác minh.",
  "privacy.keep.title": "Giữ trong bao lâu",
  "privacy.keep.records":
    "Hồ sơ học tập và chứng chỉ được giữ trong thời gian bạn công tác, theo quy định về hồ sơ bồi dưỡng cán bộ, công chức, viên chức.",
  "privacy.keep.sessions": "Phiên đăng nhập tự hết hạn sau {days} ngày không dùng.",
  "privacy.keep.audit": "Nhật ký hệ thống được xoá sau {days} ngày.",
  "privacy.rights.title": "Quyền của bạn",
  "privacy.rights.know": "Được biết dữ liệu nào về bạn được xử lý: thông báo này.",
  "privacy.rights.download": "Xem và tải về mọi dữ liệu Học Số giữ về bạn, ở trang “Phiên đăng nhập” (liên kết ở đầu trang).",
  "privacy.rights.correct":
    "Yêu cầu sửa: nếu họ tên, chức vụ hay đơn vị chưa đúng, hãy báo bộ phận tổ chức cán bộ của đơn vị bạn.",
  "privacy.rights.delete":
    "Yêu cầu xoá: khi không còn công tác, bạn có thể yêu cầu xoá dữ liệu cá nhân. Tài khoản sẽ được ẩn danh hoá: họ tên, thư điện tử, mã cán bộ được thay thế; chỉ còn số liệu thống kê không gắn với bạn.",
  "privacy.rights.complain": "Khiếu nại với đơn vị chuyên trách bảo vệ dữ liệu cá nhân thuộc Bộ Công an.",
  "privacy.contact.title": "Liên hệ",
  "privacy.contact.body": "Gửi thư tới {email}, hoặc hỏi bộ phận tổ chức cán bộ của đơn vị bạn.",
  "privacy.decide.title": "Xác nhận",
  "privacy.decide.body":
    "Đây là khoá bồi dưỡng bắt buộc; cơ quan xử lý các dữ liệu trên để thực hiện nhiệm vụ theo quy định của pháp luật. Hãy xác nhận bạn đã đọc thông báo để tiếp tục.",
  "privacy.accept": "Tôi đã đọc và đồng ý",
  "privacy.decline": "Tôi không đồng ý",
  "privacy.accepted": "Bạn đã đồng ý với phiên bản {version} ngày {date}.",
  "privacy.thanks": "Cảm ơn bạn đã đọc thông báo về dữ liệu cá nhân.",
  "privacy.declined.title": "Bạn đã đăng xuất",
  "privacy.declined.body":
    "Bạn chưa đồng ý với thông báo về dữ liệu cá nhân nên chưa dùng được Học Số. Việc bồi dưỡng này là bắt buộc: hồ sơ của bạn vẫn do bộ phận tổ chức cán bộ quản lý như trước. Nếu có câu hỏi hoặc muốn phản đối việc xử lý dữ liệu, hãy gửi thư tới {email}. Lần đăng nhập sau, bạn sẽ được hỏi lại.",
  "privacy.footerLink": "Dữ liệu cá nhân",
  "privacy.data.title": "Dữ liệu cá nhân của bạn",
  "privacy.data.lead": "Tải về mọi dữ liệu Học Số giữ về bạn, trong một tệp JSON (đọc được bằng máy tính).",
  "privacy.data.download": "Tải dữ liệu của bạn (JSON)",
  "privacy.data.notice": "Đọc thông báo về dữ liệu cá nhân",
} as const;
