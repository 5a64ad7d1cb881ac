// Vietnamese: the source catalog. Every key here must exist in en.ts (the
// type system enforces it, and app/i18n/catalogs.test.ts checks placeholders).
// Write plain, polite administrative Vietnamese with full diacritics.
export const vi = {
  "app.name": "Học Số",
  "app.tagline": "Nền tảng học tập chuyển đổi số cho cán bộ, công chức, viên chức",
  "app.titleSuffix": "Học Số",

  "layout.skipToContent": "Bỏ qua, đến nội dung chính",
  "layout.mainNav": "Điều hướng chính",
  "layout.nav.home": "Trang chủ",
  "layout.officialBanner": "Hệ thống học tập trực tuyến phục vụ chuyển đổi số trong cơ quan nhà nước",
  "layout.footer.about":
    "Học Số giúp cán bộ, công chức, viên chức học kỹ năng số, làm bài kiểm tra và nhận chứng chỉ có thể xác minh.",
  "layout.footer.language": "Ngôn ngữ",
  "layout.footer.copyright": "© {year} Học Số",

  "language.vi": "Tiếng Việt",
  "language.en": "English",
  "language.invalid": "Ngôn ngữ bạn chọn không hợp lệ.",

  "home.title": "Học kỹ năng số, mọi lúc, trên mọi thiết bị",
  "home.lead":
    "Học Số là nơi cán bộ, công chức, viên chức trong tỉnh học các khóa kỹ năng số, làm bài kiểm tra và nhận chứng chỉ. Bộ phận tổ chức cán bộ theo dõi được ai đã hoàn thành khóa học bắt buộc của đơn vị mình.",
  "home.servingHeading": "Đơn vị sử dụng",
  "home.servingEmpty": "Chưa có đơn vị nào được khai báo.",
  "home.stats.units": "{count} cơ quan, đơn vị",
  "home.stats.departments": "{count} sở, ban, ngành",
  "home.stats.localities": "{count} xã, phường, đặc khu",
  "home.features.heading": "Học Số giúp gì cho bạn",
  "home.features.learn.title": "Học theo lộ trình",
  "home.features.learn.body":
    "Bài học ngắn, viết bằng tiếng Việt dễ hiểu, đọc được trên điện thoại ngay cả khi mạng chậm.",
  "home.features.certify.title": "Kiểm tra và nhận chứng chỉ",
  "home.features.certify.body":
    "Bài kiểm tra lưu từng câu trả lời, không mất bài khi mất mạng. Chứng chỉ có mã để bất kỳ ai cũng xác minh được.",
  "home.features.track.title": "Theo dõi theo đơn vị",
  "home.features.track.body":
    "Bộ phận tổ chức cán bộ và thủ trưởng đơn vị xem ai đã hoàn thành, ai quá hạn, theo từng đơn vị.",

  "error.notFound.title": "Không tìm thấy trang",
  "error.notFound.body":
    "Địa chỉ bạn nhập có thể bị sai, hoặc trang đã được chuyển đi. Hãy kiểm tra lại địa chỉ.",
  "error.generic.title": "Đã có lỗi xảy ra",
  "error.generic.body":
    "Hệ thống gặp sự cố và chưa xử lý được yêu cầu của bạn. Hãy thử lại sau ít phút.",
  "error.forbidden.title": "Bạn không có quyền xem trang này",
  "error.forbidden.body": "Nếu bạn nghĩ mình cần quyền truy cập, hãy liên hệ quản trị viên của đơn vị.",
  "error.badRequest.title": "Yêu cầu không hợp lệ",
  "error.badRequest.body": "Thông tin gửi lên không đúng. Hãy quay lại và thử lại.",
  "error.crossOrigin": "Yêu cầu bị từ chối vì không được gửi từ một trang của Học Số.",
  "error.backHome": "Về trang chủ",

  "validation.invalid": "Giá trị này không hợp lệ.",
  "validation.form.unreadable": "Không đọc được biểu mẫu đã gửi. Hãy tải lại trang và thử lại.",
  "validation.email.required": "Nhập địa chỉ thư điện tử",
  "validation.email.invalid": "Nhập địa chỉ thư điện tử đúng dạng, ví dụ: ten@lamdong.gov.vn",
  "validation.password.required": "Nhập mật khẩu",
  "validation.password.tooLong": "Mật khẩu quá dài",

  "form.errorSummary": "Có lỗi cần sửa",

  "nav.signIn": "Đăng nhập",
  "nav.signOut": "Đăng xuất",
  "nav.account": "Phiên đăng nhập",
  "nav.managePeople": "Nhân sự đơn vị",
  "nav.adminUnits": "Đơn vị",
  "nav.adminPeople": "Người dùng",
  "nav.adminAudit": "Nhật ký",
  "nav.signedInAs": "Đang đăng nhập: {name}",

  "role.LEARNER": "Học viên",
  "role.TRAINER": "Giảng viên",
  "role.MANAGER": "Cán bộ quản lý",
  "role.ADMIN": "Quản trị viên",

  "staff.CAN_BO": "Cán bộ",
  "staff.CONG_CHUC": "Công chức",
  "staff.VIEN_CHUC": "Viên chức",
  "staff.OTHER": "Khác",

  "unitKind.PROVINCE": "Tỉnh",
  "unitKind.DEPARTMENT": "Sở, ban, ngành",
  "unitKind.OFFICE": "Phòng, ban",
  "unitKind.PUBLIC_SERVICE_UNIT": "Đơn vị sự nghiệp",
  "unitKind.COMMUNE": "Xã",
  "unitKind.WARD": "Phường",
  "unitKind.SPECIAL_ZONE": "Đặc khu",

  "signIn.title": "Đăng nhập",
  "signIn.lead": "Dùng địa chỉ thư điện tử công vụ và mật khẩu của bạn.",
  "signIn.email": "Địa chỉ thư điện tử",
  "signIn.password": "Mật khẩu",
  "signIn.submit": "Đăng nhập",
  "signIn.invalid": "Địa chỉ thư điện tử hoặc mật khẩu không đúng.",
  "signIn.locked":
    "Đã nhập sai quá nhiều lần. Để bảo vệ tài khoản, việc đăng nhập tạm khóa đến {time}. Hãy thử lại sau thời điểm đó.",
  "signIn.forgotten": "Quên mật khẩu? Hãy liên hệ quản trị viên của đơn vị để được cấp lại.",

  "home.welcome": "Xin chào, {name}",
  "home.yourRoles": "Vai trò của bạn: {roles}",

  "sessions.title": "Phiên đăng nhập của bạn",
  "sessions.lead": "Đây là các thiết bị đang đăng nhập vào tài khoản của bạn. Nếu thấy thiết bị lạ, hãy kết thúc phiên đó và đổi mật khẩu.",
  "sessions.device": "Thiết bị",
  "sessions.started": "Bắt đầu",
  "sessions.lastSeen": "Hoạt động gần nhất",
  "sessions.address": "Địa chỉ IP",
  "sessions.current": "Phiên này",
  "sessions.end": "Kết thúc phiên",
  "sessions.endNamed": "Kết thúc phiên trên {device}",
  "sessions.endOthers": "Kết thúc tất cả phiên khác",
  "sessions.ended": "Đã kết thúc phiên đăng nhập.",
  "sessions.endedOthers": "Đã kết thúc tất cả phiên khác.",
  "sessions.unknownDevice": "Thiết bị không rõ",
  "sessions.on": "{browser} trên {system}",

  "people.title": "Người dùng",
  "people.manageTitle": "Nhân sự đơn vị",
  "people.lead": "Tìm theo họ tên, có dấu hay không dấu đều được.",
  "people.search": "Tìm theo họ tên",
  "people.searchSubmit": "Tìm",
  "people.count": "{count} người",
  "people.name": "Họ và tên",
  "people.email": "Thư điện tử",
  "people.unit": "Đơn vị",
  "people.category": "Đối tượng",
  "people.roles": "Vai trò",
  "people.status": "Trạng thái",
  "people.status.ACTIVE": "Đang hoạt động",
  "people.status.DISABLED": "Đã khóa",
  "people.none": "Không tìm thấy ai.",
  "people.moreNotShown": "Chỉ hiện {shown} người đầu tiên. Hãy tìm cụ thể hơn.",

  "units.title": "Đơn vị",
  "units.lead": "Cây tổ chức của tỉnh: sở, ban, ngành và các đơn vị trực thuộc; xã, phường, đặc khu.",
  "units.people": "{count} người",
  "units.code": "Mã",

  "audit.title": "Nhật ký hoạt động",
  "audit.lead": "Ai đã làm gì, với ai, vào lúc nào.",
  "audit.when": "Thời điểm",
  "audit.who": "Người thực hiện",
  "audit.what": "Hành động",
  "audit.target": "Đối tượng",
  "audit.address": "Địa chỉ IP",
  "audit.nobody": "—",
  "audit.action.auth.sign_in": "Đăng nhập",
  "audit.action.auth.sign_in_failed": "Đăng nhập không thành công",
  "audit.action.auth.sign_in_locked": "Đăng nhập khi đang bị khóa",
  "audit.action.auth.sign_out": "Đăng xuất",
  "audit.action.session.ended": "Kết thúc phiên đăng nhập",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
