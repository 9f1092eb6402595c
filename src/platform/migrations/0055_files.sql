-- Files kept in the file store (src/platform/files): photos and scans of handover inventory lines, citizens'
-- photos. The bytes live in the store (a folder under the data folder, or an S3-compatible bucket), named by
-- their SHA-256; this row says what they are, so access checks and listings stay in SQL: a module's row
-- references a file by `sha256` (a foreign key, which also stops a file still in use from being deleted).
-- Content-addressed: the same bytes sent twice are one row and one stored file.
create table stored_files (
  sha256      text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size        bigint not null check (size > 0),
  media_type  text not null,
  storage     text not null check (storage in ('disk', 's3')),
  storage_key text not null,
  created_at  timestamptz not null default now()
);
