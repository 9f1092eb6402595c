-- Statistics and the tree ask on every call whether the registry has data on a date (noDataBefore, issue 15).
-- Without an index that question scanned all 14,150 units (2–8 ms per call against a sub-millisecond rollup read);
-- with it the latest attestation is one index probe, and most dates are answered from it alone.
create index units_attested_from_idx on units (attested_from) where attested_from is not null;
