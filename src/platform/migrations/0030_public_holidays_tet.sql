-- Tết and the other yearly announced days off for 2025–2027, from data/calendar/public-holidays-vn.csv
-- (its README gives the sources; 'provisional' rows are computed from the Labour Code 2019, Điều 112, and the
-- lunar calendar until the Government's schedule is found). Migration 0016 seeded only the fixed solar days,
-- so feedback answer deadlines and review deadlines skipped Tết as if it were working time.
-- The test src/platform/calendar/holidays.test.ts holds this list equal to the file.
insert into public_holidays (day, name_vi, name_en, basis) values
  ('2025-01-27', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Ất Tỵ)', 'Bộ luật Lao động 2019, Điều 112; Thông báo lịch nghỉ Tết 2025 (25/01–02/02/2025)'),
  ('2025-01-28', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Ất Tỵ)', 'Bộ luật Lao động 2019, Điều 112; Thông báo lịch nghỉ Tết 2025 (25/01–02/02/2025)'),
  ('2025-01-29', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Ất Tỵ)', 'Bộ luật Lao động 2019, Điều 112; Thông báo lịch nghỉ Tết 2025 (25/01–02/02/2025)'),
  ('2025-01-30', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Ất Tỵ)', 'Bộ luật Lao động 2019, Điều 112; Thông báo lịch nghỉ Tết 2025 (25/01–02/02/2025)'),
  ('2025-01-31', 'Tết Nguyên đán Ất Tỵ', 'Lunar New Year (Ất Tỵ)', 'Bộ luật Lao động 2019, Điều 112; Thông báo lịch nghỉ Tết 2025 (25/01–02/02/2025)'),
  ('2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Hùng Kings'' Commemoration', 'Bộ luật Lao động 2019, Điều 112'),
  ('2025-09-01', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', 'Bộ luật Lao động 2019, Điều 112, khoản 1, điểm đ'),
  ('2026-02-16', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Bính Ngọ)', 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết 2026 của CBCCVC: 14/02–22/02/2026'),
  ('2026-02-17', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Bính Ngọ)', 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết 2026 của CBCCVC: 14/02–22/02/2026'),
  ('2026-02-18', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Bính Ngọ)', 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết 2026 của CBCCVC: 14/02–22/02/2026'),
  ('2026-02-19', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Bính Ngọ)', 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết 2026 của CBCCVC: 14/02–22/02/2026'),
  ('2026-02-20', 'Tết Nguyên đán Bính Ngọ', 'Lunar New Year (Bính Ngọ)', 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết 2026 của CBCCVC: 14/02–22/02/2026'),
  ('2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù cho Chủ nhật 26/4)', 'Hùng Kings'' Commemoration (in lieu of Sunday 26/4)', 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù ngày lễ trùng ngày nghỉ hằng tuần); 10/3 Bính Ngọ = 26/4/2026 (tạm tính)'),
  ('2026-08-31', 'Quốc khánh (hoán đổi ngày làm việc)', 'National Day (swapped working day)', 'Phương án nghỉ Quốc khánh 2026 (5 ngày 29/8–02/9) do Bộ Nội vụ trình; ngày làm bù (thứ Bảy) không được mô hình hoá (tạm tính)'),
  ('2026-09-01', 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)', 'Bộ luật Lao động 2019, Điều 112, khoản 1, điểm đ'),
  ('2027-02-04', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 (05 ngày Tết); Mùng 1 Tết Đinh Mùi = 06/02/2027; lịch chính thức 2027 chưa tìm thấy (tạm tính)'),
  ('2027-02-05', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 (05 ngày Tết); Mùng 1 Tết Đinh Mùi = 06/02/2027; lịch chính thức 2027 chưa tìm thấy (tạm tính)'),
  ('2027-02-08', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 (05 ngày Tết); Mùng 1 Tết Đinh Mùi = 06/02/2027; lịch chính thức 2027 chưa tìm thấy (tạm tính)'),
  ('2027-02-09', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 (05 ngày Tết); Mùng 1 Tết Đinh Mùi = 06/02/2027; lịch chính thức 2027 chưa tìm thấy (tạm tính)'),
  ('2027-02-10', 'Tết Nguyên đán Đinh Mùi', 'Lunar New Year (Đinh Mùi)', 'Bộ luật Lao động 2019, Điều 112 (05 ngày Tết); Mùng 1 Tết Đinh Mùi = 06/02/2027; lịch chính thức 2027 chưa tìm thấy (tạm tính)')
on conflict (day) do nothing;
