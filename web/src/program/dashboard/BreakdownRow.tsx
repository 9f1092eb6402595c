// Sections of the shown unit beside its subordinate units (drill-down).
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../types';
import { ChildrenTable, SectionTable } from './BreakdownTables';

export function BreakdownRow({ dashboard, onUnit }: { dashboard: Dashboard; onUnit: (id: number) => void }) {
  const { t } = useTranslation();
  const hasChildren = dashboard.children.length > 0;
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={hasChildren ? 14 : 24}>
        <Card size="small" title={t('program.sections')}>
          <SectionTable sections={dashboard.sections} />
        </Card>
      </Col>
      {hasChildren && (
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('program.children')}
            extra={
              <Typography.Text type="secondary" className="hide-xs">
                {t('program.drillHint')}
              </Typography.Text>
            }
          >
            <ChildrenTable units={dashboard.children} onOpen={(u) => onUnit(u.unitId)} />
          </Card>
        </Col>
      )}
    </Row>
  );
}
