import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
var e=`## Ladder check

No ladder or packet file changed in this pull request: nothing to check.
`;export{e as a};
