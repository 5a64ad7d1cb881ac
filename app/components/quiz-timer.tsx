import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/context";

// The time left on a timed attempt. The server owns the deadline and closes
// the attempt itself; this only shows it. Without JavaScript the page still
// says when time runs out. With it, the clock counts down, a screen reader
// hears it politely at 10, 5 and 1 minute(s) left, and at zero the page's
// form is sent (`onTimeUp`), so the answer on screen is saved in time.

const ANNOUNCE_AT = [10, 5, 1];

function clock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export function QuizTimer({ deadline, now, endsAt, onTimeUp }: { deadline: string; now: string; endsAt: string; onTimeUp?: () => void }) {
  const t = useT();
  const [left, setLeft] = useState(() => Date.parse(deadline) - Date.parse(now));
  const [announcement, setAnnouncement] = useState("");
  const announced = useRef(new Set<number>());
  const finished = useRef(false);
  const timeUp = useRef(onTimeUp);
  useEffect(() => {
    timeUp.current = onTimeUp;
  });

  useEffect(() => {
    // The server's clock is the one that counts: measure how far ours is off.
    const offset = Date.parse(now) - Date.now();
    for (const mark of ANNOUNCE_AT) if (Date.parse(deadline) - Date.parse(now) <= mark * 60_000) announced.current.add(mark);
    const tick = () => {
      const ms = Date.parse(deadline) - (Date.now() + offset);
      setLeft(ms);
      for (const mark of ANNOUNCE_AT) {
        if (ms <= mark * 60_000 && !announced.current.has(mark)) {
          announced.current.add(mark);
          setAnnouncement(t("quiz.timer.announce", { minutes: mark }));
        }
      }
      if (ms <= 0 && !finished.current) {
        finished.current = true;
        setAnnouncement(t("quiz.timer.up"));
        timeUp.current?.();
      }
    };
    tick();
    const id = window.setInterval(tick, 1000);
    return () => window.clearInterval(id);
  }, [deadline, now, t]);

  return (
    <div className={`quiz-timer${left <= 60_000 ? " quiz-timer--urgent" : ""}`}>
      <p role="timer" aria-label={t("quiz.timer.label")}>
        {t("quiz.timer.left")} <strong className="quiz-timer__clock">{clock(left)}</strong>
        <span className="quiz-timer__ends"> {t("quiz.timer.endsAt", { time: endsAt })}</span>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
