// Vietnamese messages any page may show, learners' included: what every
// browser downloads (the staff-only rest is staff.vi.ts; vi.ts joins them).
// Every key must exist in core.en.ts (the type system enforces it). A key
// used only in the studio, administration or reports belongs in staff.vi.ts.
import { certificatesVi } from "./certificates.vi";
import { privacyVi } from "./privacy.vi";
import { quizVi } from "./quiz.vi";
import { quizStudioVi } from "./quiz-studio.vi";
import { coursesVi } from "./courses.vi";
import { trainingVi } from "./training.vi";

export const coreVi = {
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
  "error.imageNotFound": "Không tìm thấy ảnh.",
  "error.notFound.body":
    "Địa chỉ bạn nhập có thể bị sai, hoặc trang đã được chuyển đi. Hãy kiểm tra lại địa chỉ.",
  "error.generic.title": "Đã có lỗi xảy ra",
  "error.generic.body":
    "Hệ thống gặp sự cố và chưa xử lý được yêu cầu của bạn. Hãy thử lại sau ít phút.",
  "error.forbidden.title": "Bạn không có quyền xem trang này",
  "error.forbidden.body": "Nếu bạn nghĩ mình cần quyền truy cập, hãy liên hệ quản trị viên của đơn vị.",
  "error.badRequest.title": "Yêu cầu không hợp lệ",
  "error.badRequest.body": "Thông tin gửi lên không đúng. Hãy quay lại và thử lại.",
  "error.unavailable.title": "Hệ thống đang tạm gián đoạn",
  "error.unavailable.body": "Học Số đang tạm thời không truy cập được dữ liệu. Những gì bạn đã lưu vẫn còn nguyên. Hãy thử lại sau ít phút.",
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




  "nav.importPeople": "Nhập danh sách",

  "validation.unit.name": "Nhập tên đơn vị",
  "validation.unit.code": "Nhập mã đơn vị: chữ in hoa, số và dấu gạch ngang, tối đa 32 ký tự",
  "validation.unit.kind": "Chọn loại đơn vị",
  "validation.unit.survivor": "Chọn đơn vị tiếp nhận",

  "validation.password.tooShort": "Mật khẩu cần ít nhất 12 ký tự",
  "validation.password.guessable": "Mật khẩu này quá dễ đoán. Hãy dùng một câu ngắn gồm vài từ không liên quan đến nhau, không dùng họ tên, ngày sinh hay tên cơ quan",
  "validation.password.mismatch": "Hai mật khẩu chưa giống nhau",
  "forgot.link": "Quên mật khẩu?",
  "forgot.title": "Đặt lại mật khẩu",
  "forgot.lead": "Nhập địa chỉ thư điện tử bạn dùng để đăng nhập. Chúng tôi sẽ gửi một đường dẫn để bạn đặt mật khẩu mới.",
  "forgot.submit": "Gửi đường dẫn",
  "forgot.sent": "Nếu địa chỉ này có tài khoản, một thư với đường dẫn đặt lại mật khẩu đã được gửi tới. Đường dẫn dùng được một lần, trong 1 giờ.",
  "reset.title": "Chọn mật khẩu mới",
  "reset.lead": "Mật khẩu cần ít nhất 12 ký tự. Một câu ngắn gồm vài từ dễ nhớ với bạn nhưng khó đoán với người khác là lựa chọn tốt.",
  "reset.password": "Mật khẩu mới",
  "reset.confirm": "Nhập lại mật khẩu mới",
  "reset.submit": "Lưu mật khẩu mới",
  "reset.invalid": "Đường dẫn này không còn dùng được: có thể đã hết hạn hoặc đã được dùng. Hãy yêu cầu một đường dẫn mới.",
  "reset.done": "Đã đổi mật khẩu. Mọi phiên đăng nhập cũ đã kết thúc; hãy đăng nhập bằng mật khẩu mới.",
  "nav.adminOutbox": "Hộp thư đi",

  "validation.person.fullName": "Nhập họ và tên",
  "validation.person.category": "Chọn đối tượng",
  "validation.person.unit": "Chọn đơn vị",
  "validation.person.role": "Chọn vai trò",
  "validation.person.scope": "Vai trò Cán bộ quản lý cần chọn đơn vị phụ trách; các vai trò khác thì không",
  "validation.person.extraTime": "Chọn mức thời gian thêm trong danh sách",

  "password.title": "Đổi mật khẩu",
  "password.current": "Mật khẩu hiện tại",
  "password.new": "Mật khẩu mới",
  "password.confirm": "Nhập lại mật khẩu mới",
  "password.submit": "Đổi mật khẩu",
  "password.wrongCurrent": "Mật khẩu hiện tại không đúng",
  "password.changed": "Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.",
  "password.link": "Đổi mật khẩu",
  ...coursesVi,
  ...trainingVi,
  ...quizVi,
  ...quizStudioVi,
  ...certificatesVi,
  ...privacyVi,
} as const satisfies Record<string, string>;

/** What every page may say: what the browser loads for everyone. */
export type CoreMessages = Record<keyof typeof coreVi, string>;
