export { LoginPage } from './LoginPage';
export { LanguageSwitch } from './LanguageSwitch';
export { QueryState } from './QueryState';
export { ViewerScope, type ScopeGrant } from './ViewerScope';
export { ExportButton } from './ExportButton';
export { ConflictChoice } from './ConflictChoice';
export { useFormDraft, type DraftConflict } from './useFormDraft';
export {
  draftKey,
  readDraft,
  writeDraft,
  clearDraft,
  differingFields,
  resolveDraft,
  isNetworkError,
  isConflict,
  type Draft,
  type DraftResolution,
} from '../drafts';
export { NotFoundPage } from './NotFoundPage';
export { useSessionExpiredRedirect, useSignOut } from './useSession';
export { DraftNotices } from './DraftNotices';
export { RequireSignIn } from './RequireSignIn';
export { ClientRoot } from './ClientRoot';
export { TodayProvider, useToday } from './TodayProvider';
export { ExchangeConsentTag, ExchangeConsentActions, type ExchangeConsentValue } from './ExchangeConsent';
export { ApprovalActions, ApprovalTag, type Approval } from './Approval';
