// Vietnamese messages for courses: catalogue, course and lesson pages, the
// authoring studio and the competency framework. Spread into vi.ts.
export const coursesVi = {
  "nav.courses": "Khoá học",
  "nav.studio": "Soạn bài",
  "nav.adminCompetencies": "Năng lực số",

  "home.browseCourses": "Xem các khoá học",
  "level.BASIC": "Cơ bản",
  "level.INTERMEDIATE": "Trung cấp",
  "level.ADVANCED": "Nâng cao",
  "duration.minutes": "{count} phút",
  "duration.hoursMinutes": "{hours} giờ {minutes} phút",
  "duration.hours": "{hours} giờ",

  "catalogue.title": "Khoá học",
  "catalogue.lead": "Các khoá học kỹ năng số dành cho cán bộ, công chức, viên chức. Tìm theo tên, có dấu hay không dấu đều được.",
  "catalogue.search": "Tìm khoá học",
  "catalogue.searchHint": "Ví dụ: chữ ký số, an toan thong tin",
  "catalogue.area": "Lĩnh vực năng lực",
  "catalogue.level": "Trình độ",
  "catalogue.length": "Thời lượng",
  "catalogue.any": "Tất cả",
  "catalogue.length.short": "Đến 1 giờ",
  "catalogue.length.medium": "Từ 1 đến 3 giờ",
  "catalogue.length.long": "Trên 3 giờ",
  "catalogue.apply": "Tìm",
  "catalogue.clear": "Xoá bộ lọc",
  "catalogue.count": "{count} khoá học",
  "catalogue.empty": "Không có khoá học nào khớp với tìm kiếm của bạn.",
  "catalogue.emptyHint": "Thử từ khoá ngắn hơn, hoặc xoá bộ lọc.",
  "catalogue.lessons": "{count} bài học",
  "catalogue.filters": "Lọc khoá học",
  "catalogue.badFilter": "Bộ lọc không hợp lệ.",

  "course.notFound": "Không tìm thấy khoá học này.",
  "course.about": "Giới thiệu khoá học",
  "course.outline": "Nội dung khoá học",
  "course.level": "Trình độ",
  "course.duration": "Thời gian học dự kiến",
  "course.lessonsCount": "Số bài học",
  "course.updated": "Cập nhật",
  "course.version": "Phiên bản {number}, ngày {date}",
  "course.competences": "Năng lực số được rèn luyện",
  "course.prerequisites": "Nên học trước",
  "course.noPrerequisites": "Không yêu cầu khoá học nào trước.",
  "course.start": "Bắt đầu học",
  "course.quizItem": "Bài kiểm tra · {count} câu hỏi · cần đạt {percent}%",
  "course.quizLater": "Bài kiểm tra được mở khi bạn học xong các bài học.",
  "course.module": "Phần {number}: {title}",
  "course.breadcrumb": "Đường dẫn",

  "progress.prerequisitesFirst": "Khoá học này yêu cầu hoàn thành trước một số khoá khác. Bạn vẫn đọc được bài học, nhưng quá trình học chỉ được ghi nhận sau khi hoàn thành các khoá đó.",
  "progress.label": "Đã xong {done}/{total} mục",
  "progress.itemDone": "Đã xong",
  "progress.markDone": "Đánh dấu đã học xong",
  "progress.lessonDone": "Bạn đã học xong bài này.",
  "progress.markedDone": "Đã ghi nhận bạn học xong bài “{title}”.",
  "progress.courseCompleted": "Chúc mừng! Bạn đã hoàn thành khoá học “{title}”.",
  "progress.continue": "Tiếp tục học",
  "progress.startCourse": "Bắt đầu học",
  "progress.enrolled": "Bạn đã đăng ký khoá học này.",
  "progress.completedOn": "Hoàn thành ngày {date}",
  "progress.notEnrolled": "Bạn đang đọc thử. Bấm “Bắt đầu học” ở trang khoá học, hoặc đánh dấu bài này đã xong, để hệ thống ghi nhận quá trình học.",
  "progress.olderVersion": "Bạn đang học phiên bản {number} của khoá học. Phiên bản mới hơn đã được xuất bản; quá trình học của bạn được giữ nguyên trên phiên bản bạn đã bắt đầu.",
  "progress.notAvailable": "Khoá học này hiện không nhận người học mới.",
  "progress.quizPending": "Bài kiểm tra được tính khi bạn làm đạt.",
  "learning.title": "Việc học của tôi",
  "learning.lead": "Các khoá bạn đang học, được giao và đã hoàn thành.",
  "learning.inProgress": "Đang học",
  "learning.completed": "Đã hoàn thành",
  "learning.noneInProgress": "Bạn chưa học khoá nào.",
  "learning.noneCompleted": "Bạn chưa hoàn thành khoá nào.",
  "learning.findCourses": "Tìm khoá học",
  "learning.lastActivity": "Học lần cuối: {date}",
  "nav.learning": "Việc học của tôi",
  "lesson.notFound": "Không tìm thấy bài học này.",
  "lesson.minutes": "Khoảng {count} phút đọc",
  "lesson.previous": "Bài trước",
  "lesson.next": "Bài tiếp theo",
  "lesson.backToCourse": "Về trang khoá học",
  "lesson.pagination": "Chuyển bài",
  "lesson.inModule": "Thuộc phần: {title}",









  "progress.lockedUntil": "Khoá học này học theo thứ tự. Hãy học xong “{title}” trước.",


  "validation.course.title": "Nhập tên khoá học (tối đa 200 ký tự)",
  "validation.course.slug": "Địa chỉ chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 80 ký tự)",
  "validation.course.summary": "Nhập tóm tắt (tối đa 300 ký tự)",
  "validation.course.description": "Phần giới thiệu quá dài",
  "validation.course.level": "Chọn trình độ",
  "validation.course.minutes": "Nhập số phút từ 1 đến 10.000",
  "validation.item.title": "Nhập tên bài (tối đa 200 ký tự)",
  "validation.item.minutes": "Nhập số phút từ 1 đến 600",
  "validation.item.passPercent": "Nhập điểm đạt từ 1 đến 100",
  "validation.item.body": "Nội dung quá dài (tối đa 200.000 ký tự)",
  "validation.module.title": "Nhập tên phần (tối đa 200 ký tự)",
  "validation.publish.note": "Viết ghi chú thay đổi (tối đa 1.000 ký tự) để người học biết phiên bản mới có gì",


  "validation.competence.name": "Nhập tên (tối đa 200 ký tự)",

} as const;
