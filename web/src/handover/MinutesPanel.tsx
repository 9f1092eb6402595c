// The minutes of a handover: drawing them up once every line is counted, downloading the Word file,
// and the two signatures. A signer signs the file they have: the page downloads it, hashes it here
// (SubtleCrypto) and sends that hash, which the server compares with the minutes it stored.
import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api';
import { formatDateTime, formatNumber } from '../common/format';
import type { HandoverDetail, Minutes, Signed } from './types';
import { sha256Hex } from './words';

type Side = 'from' | 'to';

export function MinutesPanel({ handover, onChanged }: { handover: HandoverDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const current = handover.minutes.find((m) => m.version === handover.version);
  const fileUrl = (m: Minutes) => `/api/handovers/${handover.id}/minutes/${m.version}`;

  async function run(key: string, work: () => Promise<string>) {
    setBusy(key);
    try {
      message.success(await work());
      onChanged();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }
  const make = () =>
    run('make', async () => {
      const m = await api.post<Minutes>(`/api/handovers/${handover.id}/minutes`);
      return t('handover.minutes.made', { number: m.number });
    });
  const sign = (m: Minutes, side: Side) =>
    run(side, async () => {
      const res = await fetch(fileUrl(m), { credentials: 'include' });
      if (!res.ok) throw new Error(t('errors.http', { status: res.status }));
      const sha = await sha256Hex(await res.arrayBuffer());
      if (sha !== m.documentSha256) throw new Error(t('handover.minutes.changed'));
      await api.post<Signed>(`/api/handovers/${handover.id}/sign`, { side, documentSha256: sha });
      return t('handover.minutes.signed', {
        side: t(side === 'from' ? 'handover.minutes.sideFrom' : 'handover.minutes.sideTo'),
      });
    });

  const signature = (m: Minutes, side: Side) => {
    const by = side === 'from' ? m.fromSignedBy : m.toSignedBy;
    const at = side === 'from' ? m.fromSignedAt : m.toSignedAt;
    if (by)
      return (
        <Tag color="success" icon={<CheckCircleOutlined />} data-testid={`signed-${side}`}>
          {t('handover.minutes.signedBy', { who: by, at: formatDateTime(at) })}
        </Tag>
      );
    const sideWord = t(side === 'from' ? 'handover.minutes.sideFrom' : 'handover.minutes.sideTo');
    return m.version === handover.version && handover.state === 'counted' ? (
      <Popconfirm title={t('handover.minutes.signConfirm', { side: sideWord })} onConfirm={() => sign(m, side)}>
        <Button icon={<EditOutlined />} loading={busy === side} data-testid={`sign-${side}`}>
          {t(side === 'from' ? 'handover.minutes.fromSign' : 'handover.minutes.toSign')}
        </Button>
      </Popconfirm>
    ) : (
      <Tag>{t('handover.minutes.notSigned')}</Tag>
    );
  };

  return (
    <Card size="small" title={t('handover.minutes.title')} data-testid="handover-minutes">
      {!current && (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('handover.minutes.none')}</Typography.Text>
          {handover.state === 'counted' && (
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              loading={busy === 'make'}
              onClick={make}
              data-testid="make-minutes"
            >
              {t('handover.minutes.make')}
            </Button>
          )}
        </Space>
      )}
      {[...handover.minutes]
        .sort((a, b) => b.version - a.version)
        .map((m) => (
          <Descriptions
            key={m.version}
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 12 }}
            title={`${t('handover.detail.version')} ${m.version}`}
            items={[
              {
                key: 'number',
                label: t('handover.minutes.number'),
                children: <span data-testid="minutes-number">{m.number}</span>,
              },
              {
                key: 'lines',
                label: t('handover.detail.lines'),
                children: t('handover.minutes.lines', {
                  lines: formatNumber(m.lineCount),
                  outstanding: formatNumber(m.outstanding),
                }),
              },
              {
                key: 'file',
                label: t('handover.minutes.download'),
                children: (
                  <Space orientation="vertical" size={4} style={{ maxWidth: '100%' }}>
                    <a href={fileUrl(m)} download data-testid="minutes-download">
                      <DownloadOutlined /> {t('handover.minutes.download')}
                    </a>
                    <Typography.Text className="handover-sha" type="secondary" data-testid="minutes-sha">
                      {t('handover.minutes.sha')}: {m.documentSha256}
                    </Typography.Text>
                    <Link to="/handovers/verify">{t('handover.list.verifyLink')}</Link>
                  </Space>
                ),
              },
              { key: 'from', label: t('handover.minutes.fromSign'), children: signature(m, 'from') },
              { key: 'to', label: t('handover.minutes.toSign'), children: signature(m, 'to') },
            ]}
          />
        ))}
    </Card>
  );
}
