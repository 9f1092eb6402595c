// The unit registry for officials: the tree of units in force on a chosen day
// next to the detail and history of the selected unit (/units/:id).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { UnitDetail as UnitDetailData } from '../types';
import { AsOfPicker } from './AsOfPicker';
import { UnitDetail } from './UnitDetail';
import { UnitSearch } from './UnitSearch';
import { UnitsTree } from './UnitsTree';
import { inForceOn, today } from './validity';

const AS_OF_KEY = 'apparatus.units.asOf';

/** The day the tree shows: ?asOf= if given, else the last one used in this tab, else today. */
function useAsOf(): [string, (day: string) => void] {
  const [params] = useSearchParams();
  const [asOf, setAsOfState] = useState(() => {
    const fromUrl = params.get('asOf');
    if (fromUrl && /^\d{4}-\d{2}-\d{2}$/.test(fromUrl)) return fromUrl;
    return sessionStorage.getItem(AS_OF_KEY) ?? today();
  });
  const setAsOf = useCallback((day: string) => {
    sessionStorage.setItem(AS_OF_KEY, day);
    setAsOfState(day);
  }, []);
  return [asOf, setAsOf];
}

export default function UnitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const selectedId = params.id && /^\d+$/.test(params.id) ? Number(params.id) : null;
  const [asOf, setAsOf] = useAsOf();
  const [revealPath, setRevealPath] = useState<number[]>([]);
  const detailRef = useRef<HTMLDivElement>(null);

  const open = useCallback((id: number) => navigate(`/units/${id}`), [navigate]);

  const onDetailLoaded = useCallback(
    (unit: UnitDetailData) => setRevealPath(inForceOn(unit, asOf) ? unit.ancestors.map((a) => a.id) : []),
    [asOf],
  );

  // On a phone the detail sits under the tree; bring it into view when a unit is chosen.
  useEffect(() => {
    if (selectedId && window.innerWidth < 768)
      detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [selectedId]);

  return (
    <>
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <Typography.Title level={2} className="page-title" style={{ marginBottom: 0 }}>
          {t('units.title')}
        </Typography.Title>
        <UnitSearch asOf={asOf} onPick={open} />
      </Flex>
      <div style={{ marginBottom: 16 }}>
        <AsOfPicker value={asOf} onChange={setAsOf} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small" className="units-tree-card">
            <UnitsTree
              asOf={asOf}
              selectedId={selectedId}
              revealPath={revealPath}
              onSelect={(u) => open(u.id)}
              onChangeAsOf={setAsOf}
            />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <div ref={detailRef} style={{ scrollMarginTop: 120 }}>
            <Card size="small">
              {selectedId ? (
                <UnitDetail id={selectedId} asOf={asOf} onLoaded={onDetailLoaded} onChangeAsOf={setAsOf} />
              ) : (
                <Empty description={t('units.selectHint')} />
              )}
            </Card>
          </div>
        </Col>
      </Row>
    </>
  );
}
