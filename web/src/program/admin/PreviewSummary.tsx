// Step 2 of the import, part one: what the parser recognised, counted per
// level so the official can check them against the document, and the lines it
// could not place, listed first and in full: nothing is dropped silently.
// Dates that do not exist come before everything, in red: they stop the save.
import { Alert, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../common/format';
import { PARSE_COUNT_KEYS, type ParseResult } from './types';

export function PreviewSummary({ result }: { result: ParseResult }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { unrecognised, notes } = result;
  const errors = result.errors ?? [];
  return (
    <div data-testid="import-summary">
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-errors"
          data-count={errors.length}
          title={<strong>{t('program.admin.import.errorsTitle', { count: errors.length })}</strong>}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {t('program.admin.import.errorsHint')}
              </Typography.Paragraph>
              <ol className="import-lines">
                {errors.map((e, i) => (
                  <li key={`${e.line}-${i}`} data-line={e.line}>
                    <Tag color="red">{t('program.admin.import.line', { line: e.line })}</Tag>
                    <span className="import-line-text">{e.text}</span>
                    <div className="import-line-why">{en ? e.error : e.errorVi}</div>
                  </li>
                ))}
              </ol>
            </>
          }
        />
      )}
      {unrecognised.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-unrecognised"
          data-count={unrecognised.length}
          title={<strong>{t('program.admin.import.unrecognisedTitle', { count: unrecognised.length })}</strong>}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {t('program.admin.import.unrecognisedHint')}
              </Typography.Paragraph>
              <ol className="import-lines">
                {unrecognised.map((u) => (
                  <li key={u.line} data-line={u.line}>
                    <Tag>{t('program.admin.import.line', { line: u.line })}</Tag>
                    <span className="import-line-text">{u.text}</span>
                    <div className="import-line-why">{en ? u.reason : u.reasonVi}</div>
                  </li>
                ))}
              </ol>
            </>
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="import-unrecognised"
          data-count={0}
          title={t('program.admin.import.allRecognised')}
        />
      )}

      <Typography.Paragraph>
        {t('program.admin.import.detectedLang')}:{' '}
        <Tag color="blue" data-testid="import-lang">
          {t(`program.admin.lang.${result.lang}`)}
        </Tag>
      </Typography.Paragraph>
      <Row gutter={[12, 12]} className="import-counts">
        {PARSE_COUNT_KEYS.map((k) => (
          <Col key={k} xs={12} sm={8} md={6} xl={3}>
            <Statistic
              title={t(`program.admin.import.counts.${k}`)}
              value={result.counts[k]}
              formatter={() => formatNumber(result.counts[k])}
              data-testid={`count-${k}`}
            />
          </Col>
        ))}
      </Row>

      {notes.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="import-notes"
          title={t('program.admin.import.notesTitle', { count: notes.length })}
          description={
            <ul className="import-lines">
              {notes.map((n, i) => (
                <li key={`${n.line}-${i}`}>
                  <Tag>{t('program.admin.import.line', { line: n.line })}</Tag>
                  {en ? n.note : n.noteVi}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
