import { Card, Tag, Typography } from 'antd';
import { ArrowDownOutlined, BankOutlined, CheckCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LookupResult, LookupSuccessor } from '../types';
import { isRedundantNote, joinPlaces, linkKindColor } from '../units/unitLabels';

/** Citizens' wording: "Toàn bộ" / "Một phần" rather than the legal "Nhập toàn bộ". */
function SuccessorBlock({ successor }: { successor: LookupSuccessor }) {
  const { t } = useTranslation();
  const { unit, province, linkKind, note } = successor;
  return (
    <div className={`lookup-successor ${linkKind}`} data-testid="lookup-successor">
      <Tag color={linkKindColor(linkKind)} data-testid="lookup-link-kind">
        {t(`lookup.${linkKind}`, { defaultValue: linkKind })}
      </Tag>
      <div className="lookup-new-name">{unit.fullName}</div>
      {province && (
        <div className="lookup-meta">
          <EnvironmentOutlined /> {province.fullName}
        </div>
      )}
      {unit.adminCentre && (
        <div className="lookup-meta">
          <BankOutlined /> {t('lookup.adminCentre')}: {unit.adminCentre}
        </div>
      )}
      {note && !isRedundantNote(note) && (
        <div className="lookup-meta">
          <Typography.Text type="secondary" italic>
            {note}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

export function LookupResultCard({ result }: { result: LookupResult }) {
  const { t } = useTranslation();
  const { unit, current, successors } = result;
  const place = joinPlaces(unit.districtName, unit.provinceName);
  const hasPart = successors.some((s) => s.linkKind === 'part');

  return (
    <Card size="small" data-testid="lookup-result" data-current={current ? 'true' : 'false'}>
      {!current && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('lookup.before')}
        </Typography.Text>
      )}
      <div className="lookup-old-name">{unit.fullName}</div>
      {place && <div className="lookup-meta">{place}</div>}

      {current ? (
        <Tag icon={<CheckCircleOutlined />} color="success" style={{ marginTop: 8, whiteSpace: 'normal' }}>
          {t('lookup.current')}
        </Tag>
      ) : (
        <>
          <div className="lookup-arrow">
            <ArrowDownOutlined /> {t('lookup.nowBelongsTo')}
          </div>
          {successors.length === 0 ? (
            <Typography.Text type="secondary">{t('lookup.noSuccessor')}</Typography.Text>
          ) : (
            successors.map((s) => <SuccessorBlock key={`${s.unit.id}-${s.linkKind}`} successor={s} />)
          )}
          {hasPart && successors.length > 1 && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 0 0' }}>
              {t('lookup.partNote')}
            </Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  );
}
