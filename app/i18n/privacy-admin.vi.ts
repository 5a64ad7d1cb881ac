// Vietnamese messages for administrators' side of personal data: consent on
// a person's page, anonymising a person at their request (ADR 026).
export const privacyAdminVi = {
  "person.privacy": "Dữ liệu cá nhân",
  "person.consent": "Đã đồng ý thông báo về dữ liệu cá nhân, phiên bản {version}.",
  "person.noConsent": "Chưa đồng ý thông báo về dữ liệu cá nhân hiện hành.",
  "person.anonymiseLink": "Ẩn danh hoá người này (theo yêu cầu xoá dữ liệu)",
  "person.anonymisedOn": "Đã ẩn danh hoá ngày {date}. Không thể sửa thông tin của người này nữa.",
  "person.anonymisedLocked": "Người này đã được ẩn danh hoá nên không thể thay đổi.",
  "anonymise.title": "Ẩn danh hoá {name}",
  "anonymise.lead":
    "Chỉ làm khi người này đã yêu cầu xoá dữ liệu cá nhân (thường là khi đã thôi công tác). Việc này không thể hoàn tác.",
  "anonymise.what": "Những gì sẽ xảy ra",
  "anonymise.identity":
    "Họ tên, thư điện tử, mã cán bộ và chức vụ được thay bằng tên ẩn danh; mật khẩu bị xoá; tài khoản bị khoá và không đăng nhập được nữa.",
  "anonymise.traces":
    "Phiên đăng nhập, đường dẫn đặt lại mật khẩu, thông báo, thư chờ gửi và vai trò của người này bị xoá; thông tin cá nhân trong nhật ký và trong các lần nhập danh sách cũng bị xoá.",
  "anonymise.certificates":
    "Tên trên chứng chỉ được thay bằng tên ẩn danh; trang xác minh công khai cho biết người được cấp đã yêu cầu xoá dữ liệu.",
  "anonymise.kept":
    "Việc học, kết quả bài kiểm tra và chứng chỉ vẫn được đếm trong số liệu của đơn vị, không gắn với tên người. Các lần đồng ý thông báo về dữ liệu cá nhân được giữ lại.",
  "anonymise.confirm": "Người này đã yêu cầu xoá dữ liệu cá nhân và tôi hiểu việc ẩn danh hoá không thể hoàn tác",
  "anonymise.submit": "Ẩn danh hoá",
  "anonymise.cancel": "Quay lại trang người dùng",
  "anonymise.done": "Đã ẩn danh hoá người dùng.",
  "anonymise.already": "Người này đã được ẩn danh hoá trước đó.",
  "anonymise.self": "Bạn không thể tự ẩn danh hoá tài khoản của mình; hãy nhờ một quản trị viên khác.",
  "anonymise.name": "Người dùng ẩn danh {ref}",
  "anonymise.confirmMissing": "Đánh dấu ô xác nhận để ẩn danh hoá",
  "audit.action.person.anonymised": "Ẩn danh hoá người dùng",
  "audit.action.privacy.accepted": "Đồng ý thông báo về dữ liệu cá nhân",
  "audit.action.privacy.declined": "Không đồng ý thông báo về dữ liệu cá nhân",
  "audit.action.privacy.downloaded": "Tải dữ liệu cá nhân của mình",
} as const;
