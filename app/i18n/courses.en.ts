import type { coursesVi } from "./courses.vi";

// English messages for courses (same keys and {placeholders} as courses.vi.ts).
export const coursesEn: Record<keyof typeof coursesVi, string> = {
  "nav.courses": "Courses",
  "nav.studio": "Studio",
  "nav.adminCompetencies": "Digital competences",

  "home.browseCourses": "See the courses",
  "level.BASIC": "Basic",
  "level.INTERMEDIATE": "Intermediate",
  "level.ADVANCED": "Advanced",
  "duration.minutes": "{count} min",
  "duration.hoursMinutes": "{hours} hr {minutes} min",
  "duration.hours": "{hours} hr",

  "catalogue.title": "Courses",
  "catalogue.lead": "Digital-skills courses for public servants. Search by name, with or without Vietnamese accents.",
  "catalogue.search": "Search courses",
  "catalogue.searchHint": "For example: chữ ký số, an toan thong tin",
  "catalogue.area": "Competence area",
  "catalogue.level": "Level",
  "catalogue.length": "Length",
  "catalogue.any": "All",
  "catalogue.length.short": "Up to 1 hour",
  "catalogue.length.medium": "1 to 3 hours",
  "catalogue.length.long": "Over 3 hours",
  "catalogue.apply": "Search",
  "catalogue.clear": "Clear filters",
  "catalogue.count": "{count} courses",
  "catalogue.empty": "No courses match your search.",
  "catalogue.emptyHint": "Try a shorter search term, or clear the filters.",
  "catalogue.lessons": "{count} lessons",
  "catalogue.filters": "Filter courses",
  "catalogue.badFilter": "The filter is not valid.",

  "course.notFound": "This course could not be found.",
  "course.about": "About this course",
  "course.outline": "Course contents",
  "course.level": "Level",
  "course.duration": "Estimated learning time",
  "course.lessonsCount": "Number of lessons",
  "course.updated": "Updated",
  "course.version": "Version {number}, {date}",
  "course.competences": "Digital competences you will practise",
  "course.prerequisites": "Recommended before this course",
  "course.noPrerequisites": "You do not need to take any other course first.",
  "course.start": "Start learning",
  "course.quizItem": "Quiz · {count} questions · pass mark {percent}%",
  "course.quizLater": "The quiz opens when you have finished the lessons.",
  "course.module": "Section {number}: {title}",
  "course.breadcrumb": "Breadcrumb",

  "progress.prerequisitesFirst": "This course requires other courses first. You can read the lessons, but your progress is recorded only once you have completed them.",
  "progress.label": "{done} of {total} done",
  "progress.itemDone": "Done",
  "progress.markDone": "Mark as done",
  "progress.lessonDone": "You have finished this lesson.",
  "progress.markedDone": "“{title}” is marked as done.",
  "progress.courseCompleted": "Well done! You have completed “{title}”.",
  "progress.continue": "Continue",
  "progress.startCourse": "Start the course",
  "progress.enrolled": "You are enrolled in this course.",
  "progress.completedOn": "Completed on {date}",
  "progress.notEnrolled": "You are looking around. Press “Start the course” on the course page, or mark this lesson as done, and your progress will be recorded.",
  "progress.olderVersion": "You are taking version {number} of this course. A newer version has been published; your progress stays on the version you started.",
  "progress.notAvailable": "This course is not taking new learners.",
  "progress.quizPending": "A quiz counts once you pass it.",
  "learning.title": "My learning",
  "learning.lead": "Courses you are taking, have been assigned and have completed.",
  "learning.inProgress": "In progress",
  "learning.completed": "Completed",
  "learning.noneInProgress": "You are not taking any course yet.",
  "learning.noneCompleted": "You have not completed a course yet.",
  "learning.findCourses": "Find a course",
  "learning.lastActivity": "Last studied: {date}",
  "nav.learning": "My learning",
  "lesson.notFound": "This lesson could not be found.",
  "lesson.minutes": "Reading time: about {count} min",
  "lesson.previous": "Previous lesson",
  "lesson.next": "Next lesson",
  "lesson.backToCourse": "Back to the course page",
  "lesson.pagination": "Lesson navigation",
  "lesson.inModule": "Section: {title}",









  "progress.lockedUntil": "This course is taken in order. Finish “{title}” first.",


  "validation.course.title": "Enter a course title (up to 200 characters)",
  "validation.course.slug":
    "The address can only contain lowercase letters without accents, numbers and hyphens (up to 80 characters)",
  "validation.course.summary": "Enter a summary (up to 300 characters)",
  "validation.course.description": "The course introduction is too long",
  "validation.course.level": "Select a level",
  "validation.course.minutes": "Enter a number of minutes from 1 to 10,000",
  "validation.item.title": "Enter a title (up to 200 characters)",
  "validation.item.minutes": "Enter a number of minutes from 1 to 600",
  "validation.item.passPercent": "Enter a pass mark from 1 to 100",
  "validation.item.body": "The content is too long (up to 200,000 characters)",
  "validation.module.title": "Enter a section title (up to 200 characters)",
  "validation.publish.note":
    "Write a change note (up to 1,000 characters) so learners know what is new in this version",


  "validation.competence.name": "Enter a name (up to 200 characters)",

};
