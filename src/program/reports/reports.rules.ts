// What a progress report may say, checked in the service (so the CLI, the
// demo and any caller meet the same rules as the API): figures out of range
// are refused with a sentence naming the field, never clamped; "done" means
// 100%; "not started" means 0%.
import { badRequest, type Message } from '../../platform/errors.ts';

const refusal = (field: 'progress' | 'status', m: Message) =>
  badRequest(m, { errors: [{ field, message: `${m.vi} / ${m.en}` }] });

export function checkReportFigures(progress: number, status: string): void {
  if (typeof progress !== 'number' || !Number.isFinite(progress) || progress < 0 || progress > 100) {
    throw refusal('progress', {
      vi: `Tiến độ (progress) phải là một số từ 0 đến 100 (%); nhận được ${String(progress)}. Không có gì được lưu.`,
      en: `Progress must be a number from 0 to 100 (%); got ${String(progress)}. Nothing was saved.`,
    });
  }
  // Stored with two decimals: a third one would be rounded away without a word.
  if (Math.abs(progress * 100 - Math.round(progress * 100)) > 1e-6) {
    throw refusal('progress', {
      vi: `Tiến độ (progress) ghi tối đa hai chữ số thập phân; nhận được ${progress}.`,
      en: `Progress takes at most two decimals; got ${progress}.`,
    });
  }
  // Decided: "done" needs 100%. A unit that will not do the rest asks the assigning level to change or cancel
  // the task (a change request) instead; a reviewer never has to notice a "done at 20%" in a list.
  if (status === 'done' && progress !== 100) {
    throw refusal('status', {
      vi: `Báo cáo "Hoàn thành" phải có tiến độ 100%; nhận được ${progress}%. Nếu phần việc còn lại sẽ không làm, hãy gửi đề nghị điều chỉnh hoặc hủy nhiệm vụ tới cấp giao.`,
      en: `A "done" report needs 100% progress; got ${progress}%. If the rest will not be done, send the assigning level a request to change or cancel the task.`,
    });
  }
  if (status === 'not_started' && progress !== 0) {
    throw refusal('status', {
      vi: `Báo cáo "Chưa triển khai" phải có tiến độ 0%; nhận được ${progress}%. Hãy chọn "Đang thực hiện".`,
      en: `A "not started" report needs 0% progress; got ${progress}%. Choose "in progress" instead.`,
    });
  }
}
