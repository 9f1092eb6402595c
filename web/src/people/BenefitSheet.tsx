// The calculation sheet as decided: the salary basis (counted and not counted parts), each clause with its
// article, formula and amount, the total; printable (the page's chrome is hidden in print) and in Word.
import { Alert, Button, Descriptions, Space, Table, Typography } from 'antd';
import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../common/format';
import type { Sheet } from './types';

type Clause = Sheet['benefit']['clauses'][number];

export function BenefitSheet({ sheet }: { sheet: Sheet }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const b = sheet.benefit;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="benefit-sheet" className="benefit-sheet">
      <Space wrap className="no-print">
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="sheet-print">
          {t('people.print')}
        </Button>
        <Button
          icon={<FileWordOutlined />}
          href={`/api/people/${sheet.person.id}/benefit.docx`}
          data-testid="sheet-word"
        >
          {t('people.word')}
        </Button>
      </Space>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('people.ruleSet')}>{b.ruleSet.title[lang]}</Descriptions.Item>
        <Descriptions.Item label={t('people.baseSalary')}>{formatNumber(sheet.baseSalary)} đ</Descriptions.Item>
        {b.salary.counted.map((p) => (
          <Descriptions.Item key={`c-${p.kind}`} label={`${t('people.counted')}: ${p.label[lang]}`}>
            {formatNumber(p.amount)} đ
          </Descriptions.Item>
        ))}
        {b.salary.notCounted.map((p) => (
          <Descriptions.Item key={`n-${p.kind}`} label={`${t('people.notCounted')}: ${p.label[lang]}`}>
            {formatNumber(p.amount)} đ
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('people.salary')}>
          <strong>{formatNumber(b.salary.amount)} đ</strong>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {t('people.retirement', {
          y: b.retirement.years,
          m: b.retirement.months,
          from: formatDate(b.retirement.pensionStart),
          early: b.facts.monthsEarly,
        })}
      </Typography.Text>
      <Table<Clause>
        rowKey="code"
        size="small"
        pagination={false}
        tableLayout="fixed"
        dataSource={b.clauses}
        data-testid="sheet-clauses"
        columns={[
          {
            title: t('people.clause'),
            key: 'clause',
            render: (_, c) => (
              <div className="wrap-anywhere">
                <div>{c.label[lang]}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.citation[lang]}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('people.formula'),
            key: 'formula',
            responsive: ['sm'],
            render: (_, c) => <div className="wrap-anywhere">{c.formula[lang]}</div>,
          },
          {
            title: t('people.amount'),
            key: 'amount',
            align: 'right',
            width: 124,
            render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{formatNumber(c.amount)}</span>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{t('people.sheetTotal')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="sheet-total" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(b.total)}
              </strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {b.notes.length > 0 && (
        <Alert
          type="info"
          message={t('people.notes')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {b.notes.map((n, i) => (
                <li key={i}>{n[lang]}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}
