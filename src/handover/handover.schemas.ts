// Request and answer shapes of handovers (zod), shared by the routes, the CLI and the web.
// Money is a string of digits (đồng, exact: a bigint-sized figure would lose digits as a JS number);
// areas are strings with at most two decimals (numeric(14,2) in the table).
import { z } from 'zod';
import { IsoDate } from '../platform/schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const opt = (max: number) => text(max).optional();
export const Money = z
  .string()
  .regex(/^-?\d{1,20}$/, 'số tiền (đồng) viết bằng chữ số, không dấu chấm / an amount in đồng, digits only');
export const Area = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'diện tích m², tối đa 2 chữ số thập phân / area in m², at most 2 decimals');
const Count = z.number().int().min(0).max(10_000_000_000);

/** A file of a line (photo, scan) by its content hash; the file itself waits for the platform file store. */
export const FileRef = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), name: text(255) });

// Records: the subset of the State's archive template (HSLTCQ, Circular 02/2019/TT-BNV on the input
// data of archive records: its document and dossier fields) that issue 11 names. Not checked clause by
// clause against the circular's text in this pass: the field list is the issue's.
export const DocumentFields = z.object({
  issuer: opt(300), //          cơ quan ban hành
  docType: opt(100), //         tên loại văn bản
  number: opt(50), //           số văn bản
  code: opt(100), //            ký hiệu
  issuedOn: IsoDate.optional(), // ngày, tháng, năm văn bản
  summary: opt(2000), //        trích yếu nội dung
  signer: opt(200), //          người ký
  accessMode: z.enum(['open', 'restricted']).optional(), // chế độ sử dụng
  secrecy: z.enum(['none', 'confidential', 'secret', 'top_secret']).optional(), // mức độ mật
  physicalState: opt(200), //   tình trạng vật lý
});
export const DossierFields = z.object({
  fileCode: opt(100), //        mã hồ sơ
  retention: z.union([z.literal('permanent'), z.number().int().min(1).max(100)]).optional(), // thời hạn bảo quản (năm)
  fonds: opt(300), //           phông
  term: opt(100), //            nhiệm kỳ
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  storageUnit: opt(100), //     đơn vị bảo quản (hộp, cặp)
});

const Common = {
  title: text(1000),
  condition: z.enum(['good', 'worn', 'damaged', 'incomplete', 'unknown']).default('unknown'),
  location: opt(500),
  receiverUnitId: z.number().int().positive().optional(),
  receiverReason: opt(1000),
  files: z.array(FileRef).max(100).default([]),
};

export const RecordLine = z.object({
  kind: z.literal('record'),
  ...Common,
  level: z.enum(['dossier', 'document']),
  document: DocumentFields.optional(),
  dossier: DossierFields.optional(),
  pages: Count.optional(),
  pagesDigitised: Count.optional(),
  landOrInvestment: z.boolean().default(false),
});
export const SealLine = z.object({
  kind: z.literal('seal'),
  ...Common,
  sealKind: z.enum(['seal', 'signing_key']),
  identifier: text(200), //     seal's registration or certificate serial
  state: z.enum(['in_use', 'surrendered', 'revoked']),
  stateDate: IsoDate.optional(),
  receiptRef: opt(200), //      the police's receipt when surrendered
});
export const AssetLine = z.object({
  kind: z.literal('asset'),
  ...Common,
  assetKind: z.enum(['headquarters', 'land', 'vehicle', 'equipment', 'other']),
  address: opt(500),
  landAreaM2: Area.optional(),
  floorAreaM2: Area.optional(),
  bookValueVnd: Money.optional(),
  usePlan: z
    .enum(['undecided', 'keep', 'convert_public_service', 'transfer', 'sell', 'liquidate'])
    .default('undecided'),
  convertTo: z.enum(['clinic', 'school', 'community_house', 'other']).optional(),
  planDecision: opt(200),
  planStatus: z.enum(['proposed', 'approved', 'in_progress', 'done']).optional(),
  idleSince: IsoDate.optional(),
});
export const BusinessLine = z.object({
  kind: z.literal('business'),
  ...Common,
  businessKind: z.enum(['procedure_file', 'petition', 'complaint', 'dispute', 'contract', 'project']),
  reference: opt(200),
  receivedOn: IsoDate.optional(),
  legalDeadline: IsoDate.optional(),
  landOrInvestment: z.boolean().default(false),
});
export const AccountLine = z.object({
  kind: z.literal('account'),
  ...Common,
  accountKind: z.enum(['budget', 'bank', 'treasury']),
  accountNumber: text(50),
  institution: opt(200),
  balanceVnd: Money,
  settlement: z.enum(['not_started', 'in_progress', 'settled', 'approved']),
  settlementRef: opt(200),
});
export const LineInput = z.discriminatedUnion('kind', [RecordLine, SealLine, AssetLine, BusinessLine, AccountLine]);
export type LineInput = z.infer<typeof LineInput>;
export type LineKind = LineInput['kind'];

export const CountBody = z.object({
  state: z.enum(['received', 'missing', 'damaged', 'disputed']),
  note: opt(2000),
});
export const SignBody = z.object({
  side: z.enum(['from', 'to']),
  /** The SHA-256 of the document the signer read: a signature is for one document, not "the latest". */
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export const OpenBody = z.object({ asOf: IsoDate });
export const ListQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  state: z.enum(['draft', 'submitted', 'counted', 'signed', 'closed']).optional(),
  /** The ended unit's level (1 province, 2 district, 3 commune). */
  level: z.coerce.number().int().min(1).max(3).optional(),
  /** Part of the ended unit's name, as written (diacritics included). */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const IdParams = z.object({ id: z.coerce.number().int().positive() });
export const LineParams = IdParams.extend({ lineId: z.coerce.number().int().positive() });
export const VersionParams = IdParams.extend({ version: z.coerce.number().int().positive() });
export const ShaParams = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

// ---- answers
const UnitRef = z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.number() });
export const ReceiverOut = UnitRef.extend({
  role: z.enum(['successor', 'province', 'successor_commune']),
  linkKind: z.string().nullable(),
});
export const LineOut = z.object({
  id: z.number(),
  kind: z.enum(['record', 'seal', 'asset', 'business', 'account']),
  title: z.string(),
  condition: z.string(),
  location: z.string().nullable(),
  receiverUnitId: z.number().nullable(),
  receiverAs: z.string().nullable(),
  receiverReason: z.string().nullable(),
  amountVnd: z.string().nullable(),
  landAreaM2: z.string().nullable(),
  floorAreaM2: z.string().nullable(),
  pages: z.number().nullable(),
  pagesDigitised: z.number().nullable(),
  landOrInvestment: z.boolean(),
  legalDeadline: z.string().nullable(),
  status: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  files: z.array(FileRef),
  countState: z.enum(['pending', 'received', 'missing', 'damaged', 'disputed']),
  countNote: z.string().nullable(),
  /** Metadata only: a secrecy-marked record's summary is hidden from a caller without clearance. */
  masked: z.boolean(),
});
export type LineOut = z.infer<typeof LineOut>;
export const Outstanding = z.object({
  total: z.number(),
  pending: z.number(),
  missing: z.number(),
  damaged: z.number(),
  disputed: z.number(),
});
export const MinutesOut = z.object({
  version: z.number(),
  number: z.string(),
  documentSha256: z.string(),
  linesSha256: z.string(),
  lineCount: z.number(),
  outstanding: z.number(),
  createdAt: z.string(),
  fromSignedBy: z.string().nullable(),
  fromSignedAt: z.string().nullable(),
  toSignedBy: z.string().nullable(),
  toSignedAt: z.string().nullable(),
});
export const HandoverSummary = z.object({
  id: z.number(),
  fromUnit: UnitRef,
  effectiveDate: z.string(),
  provinceUnitId: z.number().nullable(),
  state: z.enum(['draft', 'submitted', 'counted', 'signed', 'closed']),
  version: z.number(),
  lines: z.number(),
  outstanding: z.number(),
});
export const HandoverDetail = HandoverSummary.extend({
  receivers: z.array(ReceiverOut),
  lineList: z.array(LineOut),
  outstandingByState: Outstanding,
  submittedBy: z.string().nullable(),
  minutes: z.array(MinutesOut),
});
export const HandoverList = z.object({ items: z.array(HandoverSummary), total: z.number() });
export const OpeningAnswer = z.object({
  asOf: z.string(),
  opened: z.number(),
  total: z.number(),
  endedWithoutHandover: z.number(),
  levels: z.array(
    z.object({
      level: z.number(),
      levelName: z.string(),
      opened: z.number(),
      total: z.number(),
      withoutReceiver: z.number(),
      receivers: z.number(),
    }),
  ),
});
export const VerifyAnswer = z.object({
  match: z.boolean(),
  documentSha256: z.string(),
  handoverId: z.number().nullable(),
  fromUnit: z.string().nullable(),
  version: z.number().nullable(),
  number: z.string().nullable(),
  signedByBoth: z.boolean(),
  /** A later version of the minutes exists: this file was corrected. */
  superseded: z.boolean(),
  /** The handover's lines still hash to what this minutes recorded. */
  linesUnchanged: z.boolean(),
});

export const CorrectBody = z.object({ reason: text(1000) });
export const StatusQuery = z.object({
  province: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** An idle former headquarters is warned about after this many months (default 12). */
  idleMonths: z.coerce.number().int().min(1).max(240).optional(),
});
export const StatusAnswer = z.object({
  province: z.string().nullable(),
  handovers: z.number(),
  lines: z.number(),
  outstanding: z.number(),
  idleHeadquarters: z.object({ months: z.number(), asOf: z.string(), count: z.number() }),
  rows: z.array(
    z.object({
      level: z.number(),
      state: z.string(),
      handovers: z.number(),
      lines: z.number(),
      outstanding: z.number(),
    }),
  ),
});
const State = z.enum(['draft', 'submitted', 'counted', 'signed', 'closed']);
export const RemovedAnswer = z.object({ removed: z.number() });
export const SubmitAnswer = z.object({ id: z.number(), state: State, lines: z.number() });
export const CountAnswer = z.object({ line: LineOut, handoverState: State, outstanding: z.number() });
export const SignAnswer = MinutesOut.extend({ handoverState: State });
export const CloseAnswer = z.object({ id: z.number(), state: State, outstanding: z.number() });
export const CorrectAnswer = z.object({ id: z.number(), state: State, version: z.number() });
