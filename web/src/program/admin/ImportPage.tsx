// /program/import — a central official creates a program from its document:
// paste or upload the text, see what was recognised (counts per level, the
// tree, every line that was not), fill in what the text does not say, save.
// Saving is allowed only for the text that was previewed.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Result, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth/AuthContext';
import { ImportMetaForm } from './ImportMetaForm';
import { ImportSource } from './ImportSource';
import { canImport } from './permissions';
import { PreviewSummary } from './PreviewSummary';
import { PreviewTree } from './PreviewTree';
import { ProblemAlert, problemOf, type ShownProblem } from './ProblemAlert';
import type { ImportResult, ParseResult } from './types';
import '../program.css';
import './admin.css';

export default function ImportPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ text: string; result: ParseResult; n: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const [saved, setSaved] = useState<ImportResult | null>(null);
  const stale = preview !== null && preview.text !== text;
  // An impossible date stops the save (the server refuses it too): it is corrected in the text, then previewed again.
  const blocked = (preview?.result.errors?.length ?? 0) > 0;

  async function runPreview() {
    setLoading(true);
    setProblem(null);
    try {
      const result = await api.post<ParseResult>('/api/programs/preview', { text });
      setPreview((prev) => ({ text, result, n: (prev?.n ?? 0) + 1 }));
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setLoading(false);
    }
  }

  if (saved)
    return (
      <Saved
        result={saved}
        onAgain={() => {
          setSaved(null);
          setPreview(null);
          setText('');
        }}
      />
    );
  return (
    <div data-testid="program-import">
      <Link to="/program">
        <ArrowLeftOutlined /> {t('program.task.back')}
      </Link>
      <Typography.Title level={2} className="page-title program-title" style={{ marginTop: 8 }}>
        {t('program.admin.import.title')}
      </Typography.Title>
      {/* A hint, not a lock: the server decides and its refusal is shown below. */}
      {user && !canImport(user) && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('program.admin.import.notAllowed')} />
      )}

      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('program.admin.import.step1')}>
          <ImportSource text={text} onText={setText} onPreview={runPreview} loading={loading} />
          <div style={{ marginTop: 12 }}>
            <ProblemAlert problem={problem} testId="preview-error" />
          </div>
        </Card>

        {preview && (
          <Card size="small" title={t('program.admin.import.step2')}>
            {stale && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('program.admin.import.stale')}
                data-testid="import-stale"
              />
            )}
            <PreviewSummary result={preview.result} />
            <Typography.Title level={5} style={{ marginTop: 20 }}>
              {t('program.admin.import.tree')}
            </Typography.Title>
            <PreviewTree key={preview.n} tree={preview.result.tree} />
          </Card>
        )}

        {preview && (
          <Card size="small" title={t('program.admin.import.step3')}>
            {blocked && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('program.admin.import.blocked', { count: preview.result.errors.length })}
                data-testid="import-blocked"
              />
            )}
            <ImportMetaForm
              text={preview.text}
              lang={preview.result.lang}
              disabled={stale || blocked}
              onSaved={setSaved}
            />
          </Card>
        )}
      </Space>
    </div>
  );
}

function Saved({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  const id = result.program.id;
  const order = ['part', 'section', 'group', 'task', 'text'];
  const kinds = Object.keys(result.counts).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return (
    <Result
      status="success"
      data-testid="import-saved"
      data-program={id}
      title={t('program.admin.import.savedTitle', { code: result.program.code })}
      subTitle={
        <Flex wrap gap={6} justify="center">
          {kinds.map((k) => (
            <Tag key={k}>
              {t(`program.admin.kind.${k}`, { defaultValue: k })}: {result.counts[k]}
            </Tag>
          ))}
        </Flex>
      }
      extra={[
        <Link key="dash" to={`/program?program=${id}`}>
          <Button type="primary">{t('program.admin.import.openDashboard')}</Button>
        </Link>,
        <Link key="content" to={`/program?program=${id}&view=content`}>
          <Button data-testid="import-open-content">{t('program.admin.import.openContent')}</Button>
        </Link>,
        <Button key="again" onClick={onAgain}>
          {t('program.admin.import.again')}
        </Button>,
      ]}
    />
  );
}
