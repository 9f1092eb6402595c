// Who may see and change the register of people affected by the reorganisation (issue 12). Counts and amounts
// of a unit's people are read by anyone whose grant covers the unit; names, birth dates, sex, identity numbers
// and the restricted flags (ethnic minority, religion) only by HR officers over the person's unit (the unit's
// HR, the province's Department of Home Affairs): Decree 13/2023/NĐ-CP, personal data to those who need it.
// Every view of a record and every export is audited (people/register/register.service.ts).
import { definePolicy } from '../platform/policy/policy.ts';
import type { Role } from '../platform/context.ts';

export const HR: readonly Role[] = ['hr_officer'];

export const PEOPLE = definePolicy({
  'people.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem danh sách người chịu tác động của đơn vị trong phạm vi (số lượng, số tiền; thông tin cá nhân bị che)',
      en: 'See the affected people of units in scope (counts and amounts; personal data masked)',
    },
  },
  'people.personal': {
    who: HR,
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem và xuất thông tin cá nhân (họ tên, ngày sinh, số định danh) của người thuộc đơn vị trong phạm vi',
      en: 'See and export personal data (names, birth dates, ID numbers) of people of units in scope',
    },
  },
  'people.import': {
    who: HR,
    on: 'unit',
    writes: true,
    what: { vi: 'Nhập danh sách người chịu tác động của đơn vị', en: "Import a unit's register of affected people" },
  },
  'people.outcome': {
    who: HR,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Ghi kết quả bố trí, giải quyết chính sách của một người (theo quyết định)',
      en: "Record a person's outcome (placement or leaving, with the decision)",
    },
  },
});
