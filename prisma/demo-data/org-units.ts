import type { OrgUnitInput } from "~/models/org-unit.server";

// Demo organisation tree: a province after the 2025 reform (no districts;
// communes, wards and a special zone under the province). The names follow
// the real pattern of Vietnamese provincial bodies; the data is for
// demonstration only. Parents come before their children.
export const demoOrgUnits: OrgUnitInput[] = [
  { code: "LDG", name: "UBND tỉnh Lâm Đồng", kind: "PROVINCE" },

  { code: "LDG-VP", name: "Văn phòng UBND tỉnh", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SNV", name: "Sở Nội vụ", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-STC", name: "Sở Tài chính", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SKHCN", name: "Sở Khoa học và Công nghệ", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SGDDT", name: "Sở Giáo dục và Đào tạo", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SYT", name: "Sở Y tế", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-STP", name: "Sở Tư pháp", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SCT", name: "Sở Công Thương", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SNNMT", name: "Sở Nông nghiệp và Môi trường", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SXD", name: "Sở Xây dựng", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SVHTTDL", name: "Sở Văn hóa, Thể thao và Du lịch", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-SDTTG", name: "Sở Dân tộc và Tôn giáo", kind: "DEPARTMENT", parentCode: "LDG" },
  { code: "LDG-TTR", name: "Thanh tra tỉnh", kind: "DEPARTMENT", parentCode: "LDG" },

  { code: "LDG-SNV-TCBC", name: "Phòng Tổ chức, biên chế", kind: "OFFICE", parentCode: "LDG-SNV" },
  { code: "LDG-SNV-CCVC", name: "Phòng Công chức, viên chức", kind: "OFFICE", parentCode: "LDG-SNV" },
  { code: "LDG-SKHCN-VP", name: "Văn phòng Sở Khoa học và Công nghệ", kind: "OFFICE", parentCode: "LDG-SKHCN" },
  { code: "LDG-SKHCN-CDS", name: "Phòng Chuyển đổi số", kind: "OFFICE", parentCode: "LDG-SKHCN" },
  {
    code: "LDG-SKHCN-TTCNTT",
    name: "Trung tâm Công nghệ thông tin và Truyền thông",
    kind: "PUBLIC_SERVICE_UNIT",
    parentCode: "LDG-SKHCN",
  },
  { code: "LDG-SYT-KSBT", name: "Trung tâm Kiểm soát bệnh tật", kind: "PUBLIC_SERVICE_UNIT", parentCode: "LDG-SYT" },

  { code: "LDG-P-XH", name: "Phường Xuân Hương - Đà Lạt", kind: "WARD", parentCode: "LDG" },
  { code: "LDG-P-LV", name: "Phường Lâm Viên - Đà Lạt", kind: "WARD", parentCode: "LDG" },
  { code: "LDG-P-PT", name: "Phường Phan Thiết", kind: "WARD", parentCode: "LDG" },
  { code: "LDG-P-BL1", name: "Phường 1 Bảo Lộc", kind: "WARD", parentCode: "LDG" },
  { code: "LDG-P-BGN", name: "Phường Bắc Gia Nghĩa", kind: "WARD", parentCode: "LDG" },
  { code: "LDG-X-DD", name: "Xã Đơn Dương", kind: "COMMUNE", parentCode: "LDG" },
  { code: "LDG-X-DL", name: "Xã Di Linh", kind: "COMMUNE", parentCode: "LDG" },
  { code: "LDG-X-LB", name: "Xã Lạc Dương", kind: "COMMUNE", parentCode: "LDG" },
  { code: "LDG-X-TP", name: "Xã Tuy Phong", kind: "COMMUNE", parentCode: "LDG" },
  { code: "LDG-DK-PQ", name: "Đặc khu Phú Quý", kind: "SPECIAL_ZONE", parentCode: "LDG" },
];
