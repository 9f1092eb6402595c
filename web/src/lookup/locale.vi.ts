// Vietnamese texts of the lookup's paging (merged into locales/vi.ts as `lookupPaging`).
export const lookupPagingVi = {
  shown: 'Đang xem {{shown}} trong {{total}} kết quả',
  shownAtLeast: 'Đang xem {{shown}} trong hơn {{total}} kết quả',
  more: 'Xem thêm kết quả ({{shown}}/{{total}})',
  loadingMore: 'Đang tải thêm…',
};
