import { CoreRecords1795881943885 } from './1795881943885-CoreRecords.js';
import { NameSearch1795881943886 } from './1795881943886-NameSearch.js';
import { AccountsAndAudit1795882361652 } from './1795882361652-AccountsAndAudit.js';
import { Collaboration1795884397243 } from './1795884397243-Collaboration.js';
import { StaffingCounts1795884950687 } from './1795884950687-StaffingCounts.js';
import { ProgrammeRecords1795885399909 } from './1795885399909-ProgrammeRecords.js';
import { SchoolCalendar1796325691492 } from './1796325691492-SchoolCalendar.js';
import { SignInThrottle1796326092147 } from './1796326092147-SignInThrottle.js';
import { RelationApproval1796411474540 } from './1796411474540-RelationApproval.js';
import { UsernameCase1796411490363 } from './1796411490363-UsernameCase.js';
import { ExchangeConsent1796411490364 } from './1796411490364-ExchangeConsent.js';

// Listed explicitly, in order: globbed .ts migrations do not load under vitest.
export const migrations = [
  CoreRecords1795881943885,
  NameSearch1795881943886,
  AccountsAndAudit1795882361652,
  Collaboration1795884397243,
  StaffingCounts1795884950687,
  ProgrammeRecords1795885399909,
  SchoolCalendar1796325691492,
  SignInThrottle1796326092147,
  RelationApproval1796411474540,
  UsernameCase1796411490363,
  ExchangeConsent1796411490364,
];
