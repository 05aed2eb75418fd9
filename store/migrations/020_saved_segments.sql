-- Saved segments (issue 18): a segment builder's questions kept under a name the owner chose, so
-- that the Segments page, the rapport du lundi and `python -m metrics segment --saved NAME` reuse
-- the same list. Like the export log it holds questions and words, never a person.
create sequence saved_segments_seq start 1;

create table saved_segments (
    segment_id      integer primary key default nextval('saved_segments_seq'),
    name            varchar not null unique,   -- as the owner typed it, trimmed
    filter          json not null,             -- metrics.segment.SegmentFilter.to_json()
    saved_at        timestamp not null
);
