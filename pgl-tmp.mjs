import { PGlite } from '@electric-sql/pglite';
let t=Date.now(); const db = await PGlite.create(); console.log('memory create', Date.now()-t); t=Date.now();
await db.query('select 1'); console.log(process.memoryUsage().rss/1e6);
const d2 = await PGlite.create('/tmp/service-data'); console.log('reopen', Date.now()-t);
