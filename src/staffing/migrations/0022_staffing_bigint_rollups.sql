-- Summed headcount and quota columns become bigint. present_below is the headcount of a
-- whole subtree and allocated_below the sum of the children's quotas: a 32-bit integer
-- overflowed at 2,147,483,647 (one province recorded 10 million and the country's total
-- overflowed), and since every write adds to its ancestors' totals, that one overflow then
-- refused every other province's write. A single node's figures (quota, reserve, present,
-- targets) stay integers: requests bound them at 5,000,000 (platform/schemas.ts). The write
-- functions of 0008 keep working unchanged: their integer deltas add to bigint columns.
alter table staffing_allocations
  alter column allocated_below type bigint,
  alter column present_below type bigint;
