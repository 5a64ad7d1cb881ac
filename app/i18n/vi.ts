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
  "error.backHome": "Về trang chủ",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;
