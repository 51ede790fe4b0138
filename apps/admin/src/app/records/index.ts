/** What the record screens share; see each file. */
export * from './format';
export * from './filters';
export * from './forms';
export * from './RecordListCard';
