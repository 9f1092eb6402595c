// The questionnaire in the structure of SIPAS, the Index of satisfaction with public administrative services
// (Chỉ số hài lòng về sự phục vụ hành chính, Ministry of Home Affairs). Source of the structure: the scheme
// "Đo lường sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước giai đoạn
// 2017–2025" (Quyết định 2640/QĐ-BNV, 10/10/2017), as summarised at
// https://blogkhampha.edu.vn/de-an-do-luong-su-hai-long-cua-nguoi-dan-to-chuc-doi-voi-su-phuc-vu-cua-co-quan-hanh-chinh-nha-nuoc-giai-doan-2017-2023
// (checked 12/2026): five components — (1) access to the service, (2) the administrative procedure, (3) the
// civil servant who handles the matter, (4) the result of the service, (5) receiving and handling comments,
// complaints and petitions. The component list is verified against that page; the questions below are our
// wording of the scheme's criteria (22 statements the respondent rates), not a verbatim copy: they are data,
// versioned by QUESTIONNAIRE_VERSION, so a corrected wording is a new version rather than an edit.
// Answers are on a five-point scale: 1 very dissatisfied … 5 very satisfied.
export const QUESTIONNAIRE_VERSION = 'sipas-2017-v1';

export interface Question {
  code: string;
  vi: string;
  en: string;
}
export interface Component {
  n: 1 | 2 | 3 | 4 | 5;
  vi: string;
  en: string;
  questions: Question[];
}

const q = (code: string, vi: string, en: string): Question => ({ code, vi, en });

export const COMPONENTS: Component[] = [
  {
    n: 1,
    vi: 'Tiếp cận dịch vụ',
    en: 'Access to the service',
    questions: [
      q('1.1', 'Nơi ngồi chờ có đủ chỗ ngồi', 'The waiting area has enough seats'),
      q('1.2', 'Trang thiết bị phục vụ người dân đầy đủ', 'Equipment for the public is sufficient'),
      q('1.3', 'Trang thiết bị phục vụ người dân hiện đại', 'Equipment for the public is modern'),
      q('1.4', 'Trang thiết bị phục vụ người dân dễ sử dụng', 'Equipment for the public is easy to use'),
    ],
  },
  {
    n: 2,
    vi: 'Thủ tục hành chính',
    en: 'Administrative procedure',
    questions: [
      q('2.1', 'Thủ tục được niêm yết công khai đầy đủ', 'The procedure is posted publicly and in full'),
      q('2.2', 'Thủ tục được niêm yết công khai chính xác', 'The posted procedure is accurate'),
      q('2.3', 'Thành phần hồ sơ phải nộp đúng quy định', 'The documents asked for are those the law requires'),
      q('2.4', 'Phí, lệ phí phải nộp đúng quy định', 'The fees charged are those the law sets'),
      q('2.5', 'Thời hạn giải quyết đúng quy định', 'The processing time is the one the law sets'),
    ],
  },
  {
    n: 3,
    vi: 'Công chức trực tiếp giải quyết công việc',
    en: 'The civil servant who handles the matter',
    questions: [
      q('3.1', 'Công chức có thái độ giao tiếp lịch sự', 'The civil servant is courteous'),
      q('3.2', 'Công chức chú ý lắng nghe ý kiến', 'The civil servant listens attentively'),
      q('3.3', 'Công chức trả lời, giải thích đầy đủ', 'The civil servant answers and explains in full'),
      q('3.4', 'Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo', 'The civil servant guides the filing carefully'),
      q('3.5', 'Công chức hướng dẫn dễ hiểu', 'The guidance is easy to understand'),
      q('3.6', 'Công chức tuân thủ đúng quy định', 'The civil servant follows the rules'),
    ],
  },
  {
    n: 4,
    vi: 'Kết quả cung ứng dịch vụ',
    en: 'Result of the service',
    questions: [
      q('4.1', 'Kết quả đúng quy định', 'The result is as the law provides'),
      q('4.2', 'Kết quả có thông tin đầy đủ', 'The result carries complete information'),
      q('4.3', 'Kết quả có thông tin chính xác', 'The result carries accurate information'),
    ],
  },
  {
    n: 5,
    vi: 'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
    en: 'Receiving and handling comments, complaints and petitions',
    questions: [
      q(
        '5.1',
        'Có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị',
        'There is a way to send comments and complaints',
      ),
      q('5.2', 'Dễ dàng thực hiện góp ý, phản ánh, kiến nghị', 'Sending a comment or complaint is easy'),
      q(
        '5.3',
        'Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý tích cực',
        'Comments and complaints are taken up actively',
      ),
      q('5.4', 'Kết quả xử lý được thông báo kịp thời', 'The outcome is reported in good time'),
    ],
  },
];

export const QUESTION_COMPONENT = new Map(COMPONENTS.flatMap((c) => c.questions.map((x) => [x.code, c.n] as const)));

/**
 * Below this many questionnaires a figure is flagged "small sample". 30 is the usual rule of thumb for a mean of
 * a 1–5 scale to be roughly normal; at n = 30 and a true satisfied share of 80 %, the 95 % margin is about
 * ±14 points, already wide: the flag warns a reader against ranking units on fewer answers.
 */
export const SMALL_SAMPLE = 30;

/** A satisfied answer, as SIPAS counts it: "satisfied" (4) or "very satisfied" (5). */
export const SATISFIED_FROM = 4;
