import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/context";

// The end of a lesson: "Đánh dấu đã học xong" (a plain form, so it works
// without JavaScript), and with JavaScript the same thing done for the
// learner once the end of the text has been on screen for two seconds.
/** `blocked`: the course's prerequisites are not completed yet (reading is fine). */
export function LessonDone({ isDone, enrolled, blocked = false }: { isDone: boolean; enrolled: boolean; blocked?: boolean }) {
  const t = useT();
  const fetcher = useFetcher();
  const { submit } = fetcher;
  const end = useRef<HTMLDivElement>(null);
  const doneNow = isDone || fetcher.data !== undefined;

  useEffect(() => {
    const target = end.current;
    // Only for people already taking the course: reading is not enrolling.
    if (!target || doneNow || !enrolled || typeof IntersectionObserver === "undefined") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(([entry]) => {
      clearTimeout(timer);
      if (entry?.isIntersecting) {
        timer = setTimeout(() => submit({ intent: "complete", auto: "1" }, { method: "post" }), 2000);
      }
    });
    observer.observe(target);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [doneNow, enrolled, submit]);

  return (
    <div className="lesson-done" ref={end}>
      {blocked ? (
        <p className="notice notice--warning">{t("progress.prerequisitesFirst")}</p>
      ) : doneNow ? (
        <p className="notice notice--success" role="status">
          {t("progress.lessonDone")}
        </p>
      ) : (
        <>
          {enrolled ? null : <p className="hint">{t("progress.notEnrolled")}</p>}
          <Form method="post">
            <input type="hidden" name="intent" value="complete" />
            <button type="submit" className="button">
              {t("progress.markDone")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
