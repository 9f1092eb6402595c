// The inventory's sheet (one sheet, header on row 1, one line a row), shared by the import and the
// export so an exported file imports back unchanged. Record columns follow the State's archive
// template as issue 11 names it (HSLTCQ: dossier fields then document fields); the other kinds'
// columns follow, and a row fills only the columns of its kind. Words are read without regard to
// case or accents, and the English keys are accepted too. Documented in data/handover/README.md.
import type { LineKind } from '../handover.schemas.ts';

export type ColType = 'text' | 'date' | 'int' | 'bool' | 'enum' | 'money' | 'area' | 'retention' | 'id';
export interface Column {
  header: string;
  /** Where the value goes in the line's input (LineInput), dot-separated. */
  path: string;
  type: ColType;
  /** Kinds that use the column; absent = every kind. */
  kinds?: LineKind[];
  /** enum: key → the Vietnamese word written on export. */
  words?: Record<string, string>;
}

export const KIND_WORDS: Record<LineKind, string> = {
  record: 'Hồ sơ, tài liệu',
  seal: 'Con dấu, chữ ký số',
  asset: 'Trụ sở, tài sản',
  business: 'Việc đang giải quyết',
  account: 'Tài khoản',
};

const R: LineKind[] = ['record'];
const S: LineKind[] = ['seal'];
const A: LineKind[] = ['asset'];
const B: LineKind[] = ['business'];
const C: LineKind[] = ['account'];

export const COLUMNS: Column[] = [
  { header: 'STT', path: '', type: 'text' },
  { header: 'Loại dòng', path: 'kind', type: 'enum', words: KIND_WORDS },
  { header: 'Tên, tiêu đề', path: 'title', type: 'text' },
  {
    header: 'Tình trạng',
    path: 'condition',
    type: 'enum',
    words: { good: 'Tốt', worn: 'Cũ', damaged: 'Hư hỏng', incomplete: 'Không đầy đủ', unknown: 'Chưa rõ' },
  },
  { header: 'Nơi lưu giữ', path: 'location', type: 'text' },
  { header: 'Bên nhận (id đơn vị)', path: 'receiverUnitId', type: 'id' },
  { header: 'Lý do đổi bên nhận', path: 'receiverReason', type: 'text' },
  // Records: dossier fields (HSLTCQ), then document fields.
  {
    header: 'Cấp (Hồ sơ/Văn bản)',
    path: 'level',
    type: 'enum',
    kinds: R,
    words: { dossier: 'Hồ sơ', document: 'Văn bản' },
  },
  { header: 'Mã hồ sơ', path: 'dossier.fileCode', type: 'text', kinds: R },
  { header: 'Phông', path: 'dossier.fonds', type: 'text', kinds: R },
  { header: 'Nhiệm kỳ', path: 'dossier.term', type: 'text', kinds: R },
  { header: 'Thời hạn bảo quản (năm/Vĩnh viễn)', path: 'dossier.retention', type: 'retention', kinds: R },
  { header: 'Ngày bắt đầu', path: 'dossier.startDate', type: 'date', kinds: R },
  { header: 'Ngày kết thúc', path: 'dossier.endDate', type: 'date', kinds: R },
  { header: 'Đơn vị bảo quản', path: 'dossier.storageUnit', type: 'text', kinds: R },
  { header: 'Cơ quan ban hành', path: 'document.issuer', type: 'text', kinds: R },
  { header: 'Tên loại văn bản', path: 'document.docType', type: 'text', kinds: R },
  { header: 'Số văn bản', path: 'document.number', type: 'text', kinds: R },
  { header: 'Ký hiệu', path: 'document.code', type: 'text', kinds: R },
  { header: 'Ngày văn bản', path: 'document.issuedOn', type: 'date', kinds: R },
  { header: 'Trích yếu nội dung', path: 'document.summary', type: 'text', kinds: R },
  { header: 'Người ký', path: 'document.signer', type: 'text', kinds: R },
  {
    header: 'Chế độ sử dụng',
    path: 'document.accessMode',
    type: 'enum',
    kinds: R,
    words: { open: 'Mở', restricted: 'Hạn chế' },
  },
  {
    header: 'Mức độ mật',
    path: 'document.secrecy',
    type: 'enum',
    kinds: R,
    words: { none: 'Không', confidential: 'Mật', secret: 'Tối mật', top_secret: 'Tuyệt mật' },
  },
  { header: 'Tình trạng vật lý', path: 'document.physicalState', type: 'text', kinds: R },
  { header: 'Số trang', path: 'pages', type: 'int', kinds: R },
  { header: 'Số trang đã số hóa', path: 'pagesDigitised', type: 'int', kinds: R },
  { header: 'Đất đai, dự án đầu tư (x)', path: 'landOrInvestment', type: 'bool', kinds: ['record', 'business'] },
  // Seals and signing keys.
  {
    header: 'Loại dấu',
    path: 'sealKind',
    type: 'enum',
    kinds: S,
    words: { seal: 'Con dấu', signing_key: 'Chữ ký số' },
  },
  { header: 'Số hiệu dấu, chứng thư số', path: 'identifier', type: 'text', kinds: S },
  {
    header: 'Trạng thái dấu',
    path: 'state',
    type: 'enum',
    kinds: S,
    words: { in_use: 'Đang sử dụng', surrendered: 'Đã nộp công an', revoked: 'Đã thu hồi' },
  },
  { header: 'Ngày của trạng thái', path: 'stateDate', type: 'date', kinds: S },
  { header: 'Số biên bản giao nhận của công an', path: 'receiptRef', type: 'text', kinds: S },
  // Headquarters and assets.
  {
    header: 'Loại tài sản',
    path: 'assetKind',
    type: 'enum',
    kinds: A,
    words: { headquarters: 'Trụ sở', land: 'Đất', vehicle: 'Xe', equipment: 'Thiết bị', other: 'Khác' },
  },
  { header: 'Địa chỉ', path: 'address', type: 'text', kinds: A },
  { header: 'Diện tích đất (m²)', path: 'landAreaM2', type: 'area', kinds: A },
  { header: 'Diện tích sàn (m²)', path: 'floorAreaM2', type: 'area', kinds: A },
  { header: 'Giá trị sổ sách (đồng)', path: 'bookValueVnd', type: 'money', kinds: A },
  {
    header: 'Phương án sử dụng',
    path: 'usePlan',
    type: 'enum',
    kinds: A,
    words: {
      undecided: 'Chưa quyết định',
      keep: 'Giữ lại',
      convert_public_service: 'Chuyển đổi công năng',
      transfer: 'Điều chuyển',
      sell: 'Bán',
      liquidate: 'Thanh lý',
    },
  },
  {
    header: 'Chuyển đổi thành',
    path: 'convertTo',
    type: 'enum',
    kinds: A,
    words: { clinic: 'Trạm y tế', school: 'Trường học', community_house: 'Nhà văn hóa', other: 'Khác' },
  },
  { header: 'Quyết định phương án', path: 'planDecision', type: 'text', kinds: A },
  {
    header: 'Tình trạng thực hiện phương án',
    path: 'planStatus',
    type: 'enum',
    kinds: A,
    words: { proposed: 'Đề xuất', approved: 'Đã phê duyệt', in_progress: 'Đang thực hiện', done: 'Đã xong' },
  },
  { header: 'Bỏ trống từ ngày', path: 'idleSince', type: 'date', kinds: A },
  // Unfinished business.
  {
    header: 'Loại việc',
    path: 'businessKind',
    type: 'enum',
    kinds: B,
    words: {
      procedure_file: 'Hồ sơ thủ tục hành chính',
      petition: 'Kiến nghị, phản ánh',
      complaint: 'Khiếu nại, tố cáo',
      dispute: 'Tranh chấp',
      contract: 'Hợp đồng',
      project: 'Dự án',
    },
  },
  { header: 'Số hồ sơ, tham chiếu', path: 'reference', type: 'text', kinds: B },
  { header: 'Ngày tiếp nhận', path: 'receivedOn', type: 'date', kinds: B },
  { header: 'Hạn giải quyết theo luật', path: 'legalDeadline', type: 'date', kinds: B },
  // Accounts.
  {
    header: 'Loại tài khoản',
    path: 'accountKind',
    type: 'enum',
    kinds: C,
    words: { budget: 'Dự toán ngân sách', bank: 'Ngân hàng', treasury: 'Kho bạc' },
  },
  { header: 'Số tài khoản', path: 'accountNumber', type: 'text', kinds: C },
  { header: 'Nơi mở tài khoản', path: 'institution', type: 'text', kinds: C },
  { header: 'Số dư (đồng)', path: 'balanceVnd', type: 'money', kinds: C },
  {
    header: 'Quyết toán',
    path: 'settlement',
    type: 'enum',
    kinds: C,
    words: {
      not_started: 'Chưa quyết toán',
      in_progress: 'Đang quyết toán',
      settled: 'Đã quyết toán',
      approved: 'Đã phê duyệt',
    },
  },
  { header: 'Số quyết định quyết toán', path: 'settlementRef', type: 'text', kinds: C },
];
