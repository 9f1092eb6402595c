// Who may do what in a handover (issue 11, item 9). A handover has two sides: the handing-over side
// (grants over the ended unit) and the receiving side (grants over a receiver); the province that
// holds the receivers oversees it. Each side acts only on its side; nobody counts a handover they
// submitted, and the two signatures of the minutes are two different people.
import { CENTRAL, definePolicy, WRITERS } from '../platform/policy/policy.ts';

export const HANDOVER = definePolicy({
  'handover.open': {
    who: CENTRAL,
    on: 'none',
    writes: true,
    what: {
      vi: 'Mở biên bản bàn giao cho mọi đơn vị hết hiệu lực vào một ngày sắp xếp',
      en: 'Open the handovers of every unit that ended on a reorganisation date',
    },
  },
  'handover.read': {
    who: 'signed-in',
    on: 'unit',
    writes: false,
    what: {
      vi: 'Xem bàn giao: bên giao, bên nhận hoặc tỉnh giám sát',
      en: 'See a handover: the handing-over side, the receiving side or the overseeing province',
    },
  },
  'handover.edit': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Bên giao: lập danh mục bàn giao, gửi, mở phiên bản đính chính',
      en: 'Handing-over side: draw up the inventory, submit it, open a correcting version',
    },
  },
  'handover.count': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Bên nhận: kiểm đếm từng dòng (không phải người đã gửi)',
      en: 'Receiving side: count each line (not the person who submitted)',
    },
  },
  'handover.minutes': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Lập và ký biên bản bàn giao: mỗi bên ký phần của mình',
      en: 'Draw up and sign the minutes: each side signs for itself',
    },
  },
  'handover.close': {
    who: WRITERS,
    on: 'unit',
    writes: true,
    what: {
      vi: 'Tỉnh giám sát: kết thúc bàn giao đã ký',
      en: 'Overseeing province: close a signed handover',
    },
  },
  'handover.verify': {
    who: 'anyone',
    on: 'none',
    writes: false,
    what: {
      vi: 'Kiểm tra một tệp có phải biên bản bàn giao đã ký (theo SHA-256)',
      en: 'Check whether a file is signed handover minutes (by SHA-256)',
    },
  },
});
