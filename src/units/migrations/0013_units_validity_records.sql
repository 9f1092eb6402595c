-- What the registry knows about a unit's dates, and from where. A unit whose
-- start is unknown (valid_from null) used to look in force on any earlier day:
-- the tree of 1990 showed the 63 provinces of 2008-2025. `attested_from` is the
-- first day a source attests the unit in force; before it the registry has no
-- data on the unit and says so. `validity_source` names where the dates come from.
alter table units add column attested_from date;
alter table units add column validity_source text;

-- Units already imported from data/vn (the import writes the same on its next run).
-- The GSO catalogue and conversion table give the units "before 01/7/2025": in force on
-- 30/06/2025. No file of data/vn gives the day any of them began.
update units set attested_from = '2025-06-30',
       validity_source = 'Đến hết 30/06/2025: bảng chuyển đổi ĐVHC của Tổng cục Thống kê (gso-old-to-new.csv, "Đơn vị hành chính trước ngày 01/7/2025") và danh mục ĐVHC (gso-communes.csv, gso-districts.csv). Ngày bắt đầu: không có trong nguồn dữ liệu.'
 where key like 'old:%' and valid_from is null;
update units set validity_source = 'Từ 01/07/2025: Nghị quyết 202/2025/QH15 (bando-provinces.csv, danh sách 34 tỉnh, thành phố trong 2025-07-01/units.json).'
 where key like 'new:p:%';
update units set validity_source = 'Từ 01/07/2025: bảng chuyển đổi ĐVHC của Tổng cục Thống kê (gso-old-to-new.csv, "Đơn vị hành chính từ ngày 01/7/2025"), theo nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp ĐVHC cấp xã của từng tỉnh.'
 where key like 'new:c:%';
