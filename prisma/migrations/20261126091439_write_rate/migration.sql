-- CreateTable
CREATE TABLE "write_rate" (
    "key" VARCHAR(100) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "write_rate_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "write_rate_window_start_idx" ON "write_rate"("window_start");

