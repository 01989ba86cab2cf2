// Imported first by the /embed entry: the widget is a private session before any module
// that reads the choice (the UI's API client reads its token when it loads) is evaluated.
import { forcePrivateSession } from './shared/private-session';

forcePrivateSession();
