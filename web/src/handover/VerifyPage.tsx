// /handovers/verify — public (no login): is this .docx the minutes of a handover, and signed? The file
// never leaves the computer: the browser hashes it (SubtleCrypto) and asks
// GET /api/handover-minutes/{sha256}, the same question as the CLI's `handover verify FILE`.
import { useState } from 'react';
import { Alert, Card, Result, Space, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { useAuth } from '../auth/AuthContext';
import type { Verified } from './types';
import { sha256Hex } from './words';
import './handover.css';

export default function VerifyPage() {
  const { t } = useTranslation();
  const { status } = useAuth();
  const [checking, setChecking] = useState(false);
  const [answer, setAnswer] = useState<{ name: string; sha: string; result: Verified } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function check(file: File) {
    setChecking(true);
    setProblem(null);
    setAnswer(null);
    try {
      const sha = await sha256Hex(await file.arrayBuffer());
      const result = await api.get<Verified>(`/api/handover-minutes/${sha}`);
      setAnswer({ name: file.name, sha, result });
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setChecking(false);
    }
  }

  const r = answer?.result;
  return (
    <div className="handover-page" data-testid="handover-verify">
      <Typography.Title level={2} className="page-title">
        {t('handover.verify.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('handover.verify.intro')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        multiple={false}
        showUploadList={false}
        disabled={checking}
        beforeUpload={(file) => {
          void check(file);
          return false; // hashed here, never uploaded
        }}
        data-testid="verify-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{checking ? t('handover.verify.checking') : t('handover.verify.drop')}</p>
      </Upload.Dragger>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="verify-error" />}
      {answer && r && (
        <Card size="small" style={{ marginTop: 16 }} data-testid="verify-result">
          <Result
            status={r.match ? (r.signedByBoth && !r.superseded ? 'success' : 'warning') : 'error'}
            title={
              r.match
                ? t('handover.verify.match', {
                    number: r.number,
                    unit: r.fromUnit,
                    id: r.handoverId,
                    version: r.version,
                  })
                : t('handover.verify.noMatch')
            }
            subTitle={
              <Space orientation="vertical" size={4}>
                <span>{answer.name}</span>
                <span className="handover-sha">{t('handover.verify.sha', { sha: answer.sha })}</span>
              </Space>
            }
            extra={
              r.match && (
                <Space orientation="vertical" data-testid="verify-facts">
                  <span>{t(r.signedByBoth ? 'handover.verify.signedBoth' : 'handover.verify.notSigned')}</span>
                  {r.superseded && <span>{t('handover.verify.superseded')}</span>}
                  <span>{t(r.linesUnchanged ? 'handover.verify.linesSame' : 'handover.verify.linesChanged')}</span>
                  {status === 'authenticated' && r.handoverId !== null && (
                    <Link to={`/handovers/${r.handoverId}`}>{t('handover.verify.open')}</Link>
                  )}
                </Space>
              )
            }
          />
        </Card>
      )}
    </div>
  );
}
