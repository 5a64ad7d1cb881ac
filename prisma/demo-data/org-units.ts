import type { OrgUnitInput } from "~/models/org-unit.server";

// Demo organisation tree: a province after the 2025 reform (no districts;
// communes, wards and a special zone directly under the province). Names
// follow the real pattern of Vietnamese provincial bodies; the data is for
// demonstration only. Parents come before their children.

const departments: [code: string, name: string, offices: [string, string, OrgUnitInput["kind"]?][]][] = [
  ["VP", "Văn phòng UBND tỉnh", [["KSTT", "Phòng Kiểm soát thủ tục hành chính"], ["TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh", "PUBLIC_SERVICE_UNIT"]]],
  ["SNV", "Sở Nội vụ", [["TCBC", "Phòng Tổ chức, biên chế"], ["CCVC", "Phòng Công chức, viên chức"], ["VTLT", "Trung tâm Lưu trữ lịch sử", "PUBLIC_SERVICE_UNIT"]]],
  ["STC", "Sở Tài chính", [["NS", "Phòng Quản lý ngân sách"], ["DT", "Phòng Đầu tư"]]],
  ["SKHCN", "Sở Khoa học và Công nghệ", [["VP", "Văn phòng Sở"], ["CDS", "Phòng Chuyển đổi số"], ["TTCNTT", "Trung tâm Công nghệ thông tin và Truyền thông", "PUBLIC_SERVICE_UNIT"]]],
  ["SGDDT", "Sở Giáo dục và Đào tạo", [["GDPT", "Phòng Giáo dục phổ thông"], ["THPTDL", "Trường THPT Chuyên Thăng Long", "PUBLIC_SERVICE_UNIT"]]],
  ["SYT", "Sở Y tế", [["NVY", "Phòng Nghiệp vụ Y"], ["KSBT", "Trung tâm Kiểm soát bệnh tật", "PUBLIC_SERVICE_UNIT"]]],
  ["STP", "Sở Tư pháp", [["HCTP", "Phòng Hành chính tư pháp"]]],
  ["SCT", "Sở Công Thương", [["QLTM", "Phòng Quản lý thương mại"]]],
  ["SNNMT", "Sở Nông nghiệp và Môi trường", [["QLDD", "Phòng Quản lý đất đai"], ["CCTL", "Chi cục Thủy lợi"]]],
  ["SXD", "Sở Xây dựng", [["QLXD", "Phòng Quản lý xây dựng"]]],
  ["SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", [["QLDL", "Phòng Quản lý du lịch"]]],
  ["SDTTG", "Sở Dân tộc và Tôn giáo", [["CSDT", "Phòng Chính sách dân tộc"]]],
  ["SNGV", "Sở Ngoại vụ", [["HTQT", "Phòng Hợp tác quốc tế"]]],
  ["TTR", "Thanh tra tỉnh", [["NV1", "Phòng Nghiệp vụ 1"]]],
  ["BQLKCN", "Ban Quản lý các khu công nghiệp", [["QLDN", "Phòng Quản lý doanh nghiệp"]]],
];

const localities: [code: string, name: string, kind: OrgUnitInput["kind"]][] = [
  ["P-XH", "Phường Xuân Hương - Đà Lạt", "WARD"],
  ["P-LV", "Phường Lâm Viên - Đà Lạt", "WARD"],
  ["P-PT", "Phường Phan Thiết", "WARD"],
  ["P-BL1", "Phường 1 Bảo Lộc", "WARD"],
  ["P-BGN", "Phường Bắc Gia Nghĩa", "WARD"],
  ["X-DD", "Xã Đơn Dương", "COMMUNE"],
  ["X-DL", "Xã Di Linh", "COMMUNE"],
  ["X-LD", "Xã Lạc Dương", "COMMUNE"],
  ["X-TP", "Xã Tuy Phong", "COMMUNE"],
  ["DK-PQ", "Đặc khu Phú Quý", "SPECIAL_ZONE"],
];

// Every commune-level government now has the same few offices.
const localOffices: [string, string, OrgUnitInput["kind"]][] = [
  ["VP", "Văn phòng HĐND và UBND", "OFFICE"],
  ["KT", "Phòng Kinh tế", "OFFICE"],
  ["VHXH", "Phòng Văn hóa - Xã hội", "OFFICE"],
  ["PVHCC", "Trung tâm Phục vụ hành chính công", "PUBLIC_SERVICE_UNIT"],
];

export const PROVINCE_CODE = "LDG";

export const demoOrgUnits: OrgUnitInput[] = [
  { code: PROVINCE_CODE, name: "UBND tỉnh Lâm Đồng", kind: "PROVINCE" },
  ...departments.flatMap(([code, name, offices]) => [
    { code: `LDG-${code}`, name, kind: "DEPARTMENT" as const, parentCode: PROVINCE_CODE },
    ...offices.map(([officeCode, officeName, kind]) => ({
      code: `LDG-${code}-${officeCode}`,
      name: officeName,
      kind: kind ?? ("OFFICE" as const),
      parentCode: `LDG-${code}`,
    })),
  ]),
  ...localities.flatMap(([code, name, kind]) => [
    { code: `LDG-${code}`, name, kind, parentCode: PROVINCE_CODE },
    ...localOffices.map(([officeCode, officeName, officeKind]) => ({
      code: `LDG-${code}-${officeCode}`,
      name: officeName,
      kind: officeKind,
      parentCode: `LDG-${code}`,
    })),
  ]),
];
