export { LoginPage } from './LoginPage';
export { LanguageSwitch } from './LanguageSwitch';
export { QueryState } from './QueryState';
export { ViewerScope, type ScopeGrant } from './ViewerScope';
export { ExportButton } from './ExportButton';
