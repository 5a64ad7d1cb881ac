-- CreateTable
CREATE TABLE "lesson_html" (
    "version_id" UUID NOT NULL,
    "item_key" VARCHAR(80) NOT NULL,
    "locale" VARCHAR(8) NOT NULL,
    "render_key" CHAR(64) NOT NULL,
    "html" TEXT NOT NULL,
    "rendered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lesson_html_pkey" PRIMARY KEY ("version_id","item_key","locale")
);

-- AddForeignKey
ALTER TABLE "lesson_html" ADD CONSTRAINT "lesson_html_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "course_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

