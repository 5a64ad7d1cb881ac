import { expect, test } from "vitest";
import { compareVietnamese, foldForSearch, sortNameOf } from "./text";

test("folds Vietnamese names for search", () => {
  expect(foldForSearch("Nguyễn Văn Ân")).toBe("nguyen van an");
  expect(foldForSearch("  ĐẶNG   Thị Thuỷ ")).toBe("dang thi thuy");
  expect(foldForSearch("Lê Hữu Phước")).toBe("le huu phuoc");
  // Already folded text is unchanged, so a search typed without marks matches.
  expect(foldForSearch("nguyen van an")).toBe("nguyen van an");
});

test("sorts in Vietnamese alphabetical order", () => {
  const names = ["Đỗ", "Dương", "Ân", "An", "Bùi", "Ăng"];
  // Ă and Â are letters of their own, after A; Đ comes after D.
  expect([...names].sort(compareVietnamese)).toEqual(["An", "Ăng", "Ân", "Bùi", "Dương", "Đỗ"]);
});

test("the sort key puts the given name first", () => {
  expect(sortNameOf("Nguyễn Văn Ân")).toBe("Ân Nguyễn Văn");
  expect(sortNameOf("  Lê   Thị  Hồng ")).toBe("Hồng Lê Thị");
  expect(sortNameOf("Y Moan")).toBe("Moan Y");
  expect(sortNameOf("Khánh")).toBe("Khánh");
});
